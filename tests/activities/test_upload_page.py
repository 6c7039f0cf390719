"""The upload page: files in, one row per job with its live state, retry, duplicates."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape
from pytest_django.fixtures import Settings

from saathi.accounts.models import User
from saathi.activities.imports import receive_upload
from saathi.activities.models import Activity, ImportJob, JobState
from tests.activities.pages import RIDE, RUN, text_of
from tests.paths import TESTDATA
from tests.people import browser_of

pytestmark = pytest.mark.django_db

# Jobs are queued on commit; each test's transaction never commits, so the callbacks
# are run by hand (Huey is immediate in tests: the job runs inside the request).
Commits = Any


def _file(path: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(path.rsplit("/", 1)[-1], (TESTDATA / path).read_bytes())


def test_the_page_works_as_a_plain_multipart_form(owner: User) -> None:
    html = browser_of(owner).get("/activities/upload/").content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'type="file"' in html and "multiple" in html
    assert 'accept=".fit,.gpx,.tcx,.gz,.zip' in html


def test_uploading_two_files_makes_two_activities_linked_from_their_rows(
    owner: User, django_capture_on_commit_callbacks: Commits
) -> None:
    client = browser_of(owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/activities/upload/", {"uploads": [_file(RIDE), _file(RUN)]})
    assert response.status_code == 302  # without htmx: back to the page, which shows the rows
    html = client.get(response["Location"]).content.decode()
    jobs = ImportJob.objects.filter(owner=owner)
    assert {job.state for job in jobs} == {JobState.DONE}
    for job in jobs:
        assert job.activity is not None
        assert f'href="/activities/{job.activity.pk}/"' in html
        assert job.original_name in html
    # Every job is finished: the list no longer polls.
    assert 'hx-trigger="every 1s"' not in html


def test_an_htmx_upload_gets_the_job_rows_back_not_a_page(owner: User) -> None:
    response = browser_of(owner).post(
        "/activities/upload/", {"uploads": [_file(RUN)]}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="jobs"')
    assert "<html" not in html and "Friday-Evening-Run.gpx" in html


def test_unfinished_jobs_make_the_list_poll_itself_every_second(owner: User) -> None:
    data = (TESTDATA / RUN).read_bytes()
    [job] = receive_upload(owner=owner, name="run.gpx", data=data)
    client = browser_of(owner)
    rows = client.get("/activities/upload/jobs/").content.decode()
    assert 'hx-get="/activities/upload/jobs/" hx-trigger="every 1s"' in rows
    assert "Waiting" in text_of(rows)
    job.state = JobState.READING
    job.save()
    assert "Reading the file" in client.get("/activities/upload/jobs/").content.decode()


def test_a_damaged_file_fails_with_its_reason_and_a_retry_button(
    owner: User, django_capture_on_commit_callbacks: Commits
) -> None:
    client = browser_of(owner)
    bad = SimpleUploadedFile("bad.gpx", (TESTDATA / "malformed" / "bad.gpx").read_bytes())
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/activities/upload/", {"uploads": [bad]})
    job = ImportJob.objects.get(owner=owner)
    assert job.state == JobState.FAILED and job.error
    html = client.get("/activities/upload/").content.decode()
    assert escape(job.error) in html
    assert f'action="/activities/upload/jobs/{job.pk}/retry/"' in html
    assert ">Retry</button>" in html


def test_retry_puts_a_failed_job_through_the_worker_again(
    owner: User, django_capture_on_commit_callbacks: Commits
) -> None:
    data = (TESTDATA / RUN).read_bytes()
    [job] = receive_upload(owner=owner, name="run.gpx", data=data)
    job.state, job.error = JobState.FAILED, "Saathi failed once."
    job.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = browser_of(owner).post(
            f"/activities/upload/jobs/{job.pk}/retry/", HTTP_HX_REQUEST="true"
        )
    # The answer comes before the worker has it: waiting, and polling for news.
    assert "Waiting for the worker" in response.content.decode()
    assert 'hx-trigger="every 1s"' in response.content.decode()
    job.refresh_from_db()
    assert job.state == JobState.DONE
    rows = browser_of(owner).get("/activities/upload/jobs/").content.decode()
    assert f'href="/activities/{job.activity_id}/"' in rows


def test_the_same_file_twice_is_a_duplicate_linking_to_the_first(
    owner: User, django_capture_on_commit_callbacks: Commits
) -> None:
    client = browser_of(owner)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/activities/upload/", {"uploads": [_file(RUN)]})
    first = Activity.objects.get(owner=owner)
    duplicate = ImportJob.objects.get(owner=owner, state=JobState.DUPLICATE)
    assert duplicate.duplicate_of == first
    html = text_of(client.get("/activities/upload/").content.decode())
    assert f"Already in your journal as {first.title}" in html


def test_an_upload_over_the_limit_is_refused_with_its_size(owner: User, settings: Settings) -> None:
    settings.UPLOAD_MAX_MB = 1
    big = SimpleUploadedFile("big.fit", b"\0" * (1024 * 1024 + 1))
    html = browser_of(owner).post("/activities/upload/", {"uploads": [big]}).content.decode()
    assert "one upload may hold up to 1 MB" in html
    assert not ImportJob.objects.exists()


def test_a_zip_becomes_one_job_per_activity_file_inside(
    owner: User, django_capture_on_commit_callbacks: Commits
) -> None:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.write(TESTDATA / RUN, "runs/one.gpx")
        archive.write(TESTDATA / RIDE, "rides/two.fit")
    upload = SimpleUploadedFile("export.zip", buffer.getvalue())
    with django_capture_on_commit_callbacks(execute=True):
        html = browser_of(owner).post("/activities/upload/", {"uploads": [upload]}, follow=True)
    assert ImportJob.objects.filter(owner=owner, state=JobState.DONE).count() == 2
    assert "export.zip/runs/one.gpx" in html.content.decode()


def test_an_htmx_upload_over_the_limit_says_so_in_the_rows(owner: User, settings: Settings) -> None:
    settings.UPLOAD_MAX_MB = 1
    big = SimpleUploadedFile("big.fit", b"\0" * (1024 * 1024 + 1))
    response = browser_of(owner).post(
        "/activities/upload/", {"uploads": [big]}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="jobs"')
    assert 'role="alert"' in html and "one upload may hold up to 1 MB" in html

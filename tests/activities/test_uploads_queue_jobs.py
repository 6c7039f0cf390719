"""An upload stores its bytes, makes a waiting job per activity file and queues it."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from contextlib import AbstractContextManager

from django.core.files.uploadedfile import SimpleUploadedFile

from saathi.accounts.models import User
from saathi.activities.models import Activity, ImportJob, JobState
from saathi.activities.tasks import queue_upload
from tests.paths import TESTDATA

OnCommit = Callable[..., AbstractContextManager[object]]
RUN = TESTDATA / "gpx" / "run_gpxtpx.gpx"


def test_an_upload_waits_until_its_transaction_commits_then_the_worker_reads_it(
    owner: User, django_capture_on_commit_callbacks: OnCommit
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as queued:
        (job,) = queue_upload(owner=owner, name=RUN.name, data=RUN.read_bytes())
        assert job.state == JobState.WAITING
        assert job.read_original() == RUN.read_bytes()
    assert len(queued) == 1
    job.refresh_from_db()
    assert job.state == JobState.WAITING

    # Jobs run inline in tests: running the queued callback is the worker's turn.
    queued[0]()

    job.refresh_from_db()
    assert job.state == JobState.DONE
    assert job.started is not None and job.finished is not None
    assert job.activity == Activity.objects.get()


def test_a_django_uploaded_file_is_read_like_bytes(
    owner: User, django_capture_on_commit_callbacks: OnCommit
) -> None:
    upload = SimpleUploadedFile("C:\\fakepath\\run.gpx", RUN.read_bytes())

    with django_capture_on_commit_callbacks(execute=True):
        (job,) = queue_upload(owner=owner, name=upload.name or "", file=upload)

    job.refresh_from_db()
    assert job.state == JobState.DONE
    assert job.original.name.endswith("-run.gpx")
    assert "fakepath" not in job.original.name


def test_a_zip_of_activity_files_becomes_a_job_per_file(
    owner: User, django_capture_on_commit_callbacks: OnCommit
) -> None:
    export = io.BytesIO()
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr("activities.csv", "Activity ID,Activity Date\n")
        archive.write(RUN, "activities/1.gpx")
        archive.write(TESTDATA / "tcx" / "tour_hr.tcx", "activities/2.tcx")
        for path in (TESTDATA / "strava_export_min" / "activities").iterdir():
            archive.write(path, f"activities/{path.name}")
        archive.writestr("media/photo.jpg", b"\xff\xd8\xff")

    with django_capture_on_commit_callbacks(execute=True):
        jobs = queue_upload(owner=owner, name="export.zip", data=export.getvalue())

    assert len(jobs) == 3
    assert {job.original_name for job in jobs} == {
        "export.zip/activities/1.gpx",
        "export.zip/activities/2.tcx",
        "export.zip/activities/12866632127.fit.gz",
    }
    states = set(ImportJob.objects.values_list("state", flat=True))
    assert states == {JobState.DONE}
    assert Activity.objects.count() == 3
    gpx_job = ImportJob.objects.get(original_name="export.zip/activities/1.gpx")
    assert gpx_job.read_original() == RUN.read_bytes()


def test_a_zip_with_no_activity_files_is_one_failed_job_holding_the_zip(owner: User) -> None:
    archive_bytes = io.BytesIO()
    with zipfile.ZipFile(archive_bytes, "w") as archive:
        archive.writestr("notes.txt", "nothing to see")

    (job,) = queue_upload(owner=owner, name="notes.zip", data=archive_bytes.getvalue())

    assert job.state == JobState.FAILED
    assert "no FIT, GPX or TCX" in job.error
    assert job.read_original() == archive_bytes.getvalue()

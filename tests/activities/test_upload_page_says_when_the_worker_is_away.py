"""The upload page says plainly when the background worker has not been seen for a while:
imports wait for it, and without a word they would wait for ever."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from huey.contrib.djhuey import HUEY

from saathi.accounts.models import User
from saathi.activities.imports import receive_upload
from saathi.activities.models import ImportJob, JobState
from saathi.system.models import WorkerHeartbeat
from tests.activities.pages import RUN, text_of
from tests.paths import TESTDATA
from tests.people import browser_of

pytestmark = pytest.mark.django_db

WAITING = "Imports are waiting: the background worker is not running. Start it with saathi serve"
CALM = "The background worker has not been seen for a few minutes"


@pytest.fixture
def jobs_wait_for_a_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a served site: a job waits in the queue instead of running in the request."""
    monkeypatch.setattr(HUEY, "immediate", False)


def _upload(owner: User) -> str:
    """An htmx upload, as the page sends it; the rows it gets back, as text."""
    upload = SimpleUploadedFile("run.tcx", (TESTDATA / RUN).read_bytes())
    response = browser_of(owner).post(
        "/activities/upload/", {"uploads": [upload]}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    return text_of(response.content.decode())


def _page(owner: User) -> str:
    return text_of(browser_of(owner).get("/activities/upload/").content.decode())


def test_an_upload_with_no_worker_running_says_imports_wait_and_how_to_start_it(
    owner: User, jobs_wait_for_a_worker: None
) -> None:
    rows = _upload(owner)

    assert ImportJob.objects.get(owner=owner).state == JobState.WAITING
    assert WAITING in rows
    assert WAITING in _page(owner)


def test_a_worker_gone_for_minutes_is_named_even_before_a_second_upload(
    owner: User, jobs_wait_for_a_worker: None
) -> None:
    with (TESTDATA / RUN).open("rb") as file:
        receive_upload(owner=owner, name="run.tcx", file=file)
    WorkerHeartbeat.beat(now=timezone.now() - timedelta(minutes=10))

    assert WAITING in _page(owner)


def test_a_worker_seen_a_minute_ago_is_not_mentioned(
    owner: User, jobs_wait_for_a_worker: None
) -> None:
    WorkerHeartbeat.beat(now=timezone.now() - timedelta(minutes=1))

    words = _upload(owner)

    assert WAITING not in words and CALM not in words


def test_with_nothing_of_theirs_waiting_a_stopped_worker_gets_a_calmer_line(
    owner: User, stranger: User, jobs_wait_for_a_worker: None
) -> None:
    _upload(stranger)  # someone else's waiting job is not this person's news

    words = _page(owner)

    assert WAITING not in words
    assert CALM in words


def test_jobs_run_in_the_request_need_no_worker_and_nothing_is_said(owner: User) -> None:
    assert HUEY.immediate  # the test settings: every job runs inside its request
    with (TESTDATA / RUN).open("rb") as file:
        receive_upload(owner=owner, name="run.tcx", file=file)

    words = _page(owner)

    assert WAITING not in words and CALM not in words

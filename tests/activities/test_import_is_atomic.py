"""An import is one transaction: a whole activity with its streams, or nothing."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest

from saathi.accounts.models import User
from saathi.activities.imports import import_inline
from saathi.activities.models import Activity, ActivityStreams, ImportJob, JobState
from saathi.activities.tasks import retry
from tests.paths import TESTDATA


def test_a_crash_while_saving_the_streams_leaves_no_half_activity(
    owner: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = TESTDATA / "fit" / "4078723797.fit"

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    # The activity row is already inserted when the streams fail.
    monkeypatch.setattr(ActivityStreams, "save", crash)
    (job,) = import_inline(owner=owner, name=path.name, data=path.read_bytes())

    assert not Activity.objects.exists()
    assert not ActivityStreams.objects.exists()
    job.refresh_from_db()
    assert job.state == JobState.FAILED
    assert "RuntimeError" in job.error and "retry" in job.error
    assert job.read_original() == path.read_bytes()


def test_the_failed_job_imports_on_retry_once_the_fault_is_gone(
    owner: User,
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Callable[..., AbstractContextManager[object]],
) -> None:
    path = TESTDATA / "fit" / "4078723797.fit"
    with monkeypatch.context() as patch:
        patch.setattr(ActivityStreams, "save", lambda *a, **k: 1 / 0)
        (job,) = import_inline(owner=owner, name=path.name, data=path.read_bytes())
    assert job.state == JobState.FAILED

    # Jobs run inline in tests (HUEY immediate), queued when the retry commits.
    with django_capture_on_commit_callbacks(execute=True):
        retry(job)

    job.refresh_from_db()
    assert job.state == JobState.DONE, job.error
    assert job.error == ""
    assert Activity.objects.get() == job.activity
    assert job.activity.streams.points == job.activity.points
    assert ImportJob.objects.count() == 1


def test_retry_leaves_a_job_that_did_not_fail_alone(owner: User) -> None:
    path = TESTDATA / "gpx" / "run_gpxtpx.gpx"
    (job,) = import_inline(owner=owner, name=path.name, data=path.read_bytes())

    retry(job)

    assert job.state == JobState.DONE
    assert Activity.objects.count() == 1


def test_a_job_stuck_reading_after_its_worker_died_can_be_retried(
    owner: User,
    django_capture_on_commit_callbacks: Callable[..., AbstractContextManager[object]],
) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from saathi.activities.imports import receive_upload

    path = TESTDATA / "gpx" / "run_gpxtpx.gpx"
    (job,) = receive_upload(owner=owner, name=path.name, data=path.read_bytes())
    ImportJob.objects.filter(pk=job.pk).update(
        state=JobState.READING, started=timezone.now() - timedelta(minutes=5)
    )
    job.refresh_from_db()
    assert not job.can_retry  # still plausibly being read

    ImportJob.objects.filter(pk=job.pk).update(started=timezone.now() - timedelta(hours=1))
    job.refresh_from_db()
    assert job.can_retry
    with django_capture_on_commit_callbacks(execute=True):
        retry(job)

    job.refresh_from_db()
    assert job.state == JobState.DONE


def test_the_job_is_marked_done_in_the_same_transaction_as_the_activity(
    owner: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = TESTDATA / "gpx" / "run_gpxtpx.gpx"
    real_save = ImportJob.save

    def save_fails_when_done(job: ImportJob, *args: object, **kwargs: object) -> None:
        if job.state == JobState.DONE:
            raise RuntimeError("connection lost")
        real_save(job, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ImportJob, "save", save_fails_when_done)
    import_inline(owner=owner, name=path.name, data=path.read_bytes())

    # Marking the job done failed, so the activity it would point at is not there either.
    assert not Activity.objects.exists()
    job = ImportJob.objects.get()
    assert job.state == JobState.FAILED
    assert "RuntimeError" in job.error

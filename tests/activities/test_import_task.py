"""The worker's job: a thin wrapper that runs one waiting import."""

from __future__ import annotations

from saathi.accounts.models import User
from saathi.activities.imports import receive_upload
from saathi.activities.models import ImportJob, JobState
from saathi.activities.tasks import import_job
from tests.paths import TESTDATA


def test_the_job_reads_the_waiting_import_and_reports_its_state(owner: User) -> None:
    path = TESTDATA / "tcx" / "tour_hr.tcx"
    (job,) = receive_upload(owner=owner, name=path.name, data=path.read_bytes())

    # Jobs run inline in tests (HUEY immediate): the result is there at once.
    assert import_job(job.pk).get() == JobState.DONE
    job.refresh_from_db()
    assert job.activity is not None


def test_a_job_run_twice_imports_once(owner: User) -> None:
    path = TESTDATA / "tcx" / "tour_hr.tcx"
    (job,) = receive_upload(owner=owner, name=path.name, data=path.read_bytes())

    import_job(job.pk).get()
    # A second delivery of the same job (a retried message) finds it no longer waiting.
    assert import_job(job.pk).get() == JobState.DONE

    assert ImportJob.objects.get().activity is not None
    assert owner.activities.count() == 1


def test_a_job_deleted_while_it_waited_is_skipped(owner: User) -> None:
    path = TESTDATA / "tcx" / "tour_hr.tcx"
    (job,) = receive_upload(owner=owner, name=path.name, data=path.read_bytes())
    job_id = job.pk
    job.delete()

    assert import_job(job_id).get() is None
    assert not owner.activities.exists()

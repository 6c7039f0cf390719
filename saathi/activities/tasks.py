"""The worker's side of imports: a thin wrapper over imports.run_import."""

from __future__ import annotations

from django.db import transaction
from huey.contrib.djhuey import db_task

from saathi.activities.models import ImportJob


@db_task()
def import_job(job_id: int) -> str | None:
    """Read one waiting job; returns its final state (kept by Huey for a while)."""
    from saathi.activities.imports import run_import

    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None:  # deleted while it waited
        return None
    return str(run_import(job).state)


def enqueue(job: ImportJob) -> None:
    """Queue the job once its row is committed, so the worker cannot look for it too soon."""
    job_id = job.pk
    transaction.on_commit(lambda: import_job(job_id))

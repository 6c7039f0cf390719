"""The worker's side of imports: a job is queued once its row is committed, and read by
imports.run_import in the worker. And the re-cut of a person's activities after their
privacy zones change (privacy.recut_owner)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import IO

from django.db import transaction
from huey.contrib.djhuey import db_task

from saathi.accounts.models import User
from saathi.activities.imports import receive_upload, run_import
from saathi.activities.models import ImportJob, JobState
from saathi.activities.privacy import recut_owner


@db_task()
def import_job(job_id: int) -> str | None:
    """Read one waiting job; returns its final state (kept by Huey for a while)."""
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None:  # deleted while it waited
        return None
    return str(run_import(job).state)


def enqueue(jobs: Iterable[ImportJob]) -> None:
    """Queue waiting jobs once their rows are committed, so the worker cannot look for
    them too soon."""
    for job in jobs:
        if job.state == JobState.WAITING:
            transaction.on_commit(partial(import_job, job.pk))


def queue_upload(
    *, owner: User, name: str, data: bytes | None = None, file: IO[bytes] | None = None
) -> list[ImportJob]:
    """An upload from the page: stored at once (imports.receive_upload), read by the worker."""
    with transaction.atomic():
        jobs = receive_upload(owner=owner, name=name, data=data, file=file)
        enqueue(jobs)
    return jobs


def retry(job: ImportJob) -> None:
    """Queue a failed or stuck job again; nothing happens if it is neither any more."""
    with transaction.atomic():
        if job.reset_for_retry():
            enqueue([job])


@db_task()
def recut_job(owner_id: int) -> int | None:
    """Cut again the owner's activities cut under older zones; returns how many were."""
    owner = User.objects.filter(pk=owner_id).first()
    return None if owner is None else recut_owner(owner)


def recut_later(owner: User) -> None:
    """Queue the re-cut once the change to the zones is committed. Until it has reached
    an activity, the first page or download of it for anyone else cuts it then."""
    transaction.on_commit(partial(recut_job, owner.pk))

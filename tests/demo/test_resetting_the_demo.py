"""`saathi demo --reset` (`load_demo(reset=True)`) removes the demo and its stored originals,
and only those, and loads it again. A module of its own: the originals it removes do not
come back with the rolled-back rows, so no other test may share this module's demo."""

from __future__ import annotations

from typing import Any

from saathi.accounts.models import User
from saathi.activities.models import Activity, ImportJob
from tests.demo.loading import load_small_demo


def test_reset_removes_the_demo_and_its_originals_and_loads_it_again(
    small_demo: list[str], stranger: User, django_capture_on_commit_callbacks: Any
) -> None:
    old_jobs = list(ImportJob.objects.all())
    storage = old_jobs[0].original.storage
    assert all(storage.exists(job.original.name) for job in old_jobs)
    count = Activity.objects.count()

    with django_capture_on_commit_callbacks(execute=True):  # originals go on commit
        load_small_demo(reset=True)

    assert not ImportJob.objects.filter(pk__in=[job.pk for job in old_jobs]).exists()
    assert not any(storage.exists(job.original.name) for job in old_jobs)
    assert Activity.objects.count() == count
    assert User.objects.filter(pk=stranger.pk).exists()

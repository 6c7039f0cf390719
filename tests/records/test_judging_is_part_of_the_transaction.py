"""Records are judged inside the import's or the delete's transaction: a crash half-way
through judging leaves neither the activity nor any record of it, or undoes the delete."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.activities.changes import delete_activity
from saathi.activities.imports import import_inline
from saathi.activities.models import Activity, JobState
from saathi.records.models import Milestone, Record
from tests.records.history import entry, gpx_ride, local, stored


def _crash(*args: object, **kwargs: object) -> None:
    raise RuntimeError("disk full")


def test_a_crash_while_writing_milestones_leaves_no_activity_and_no_record(
    owner: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry(owner, "2025-08-02 07:00", km=42.3)
    before = stored(owner)
    # The records are written when the milestones fail.
    monkeypatch.setattr(Milestone.objects, "bulk_create", _crash)

    [job] = import_inline(
        owner=owner, name="ride.gpx", data=gpx_ride(65, local("2025-08-20 06:30"))
    )

    assert job.state == JobState.FAILED and "RuntimeError" in job.error
    assert Activity.objects.count() == 1
    assert stored(owner) == before


def test_a_crash_while_forgetting_keeps_the_activity_and_its_records(
    owner: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = entry(owner, "2025-08-02 07:00", km=42.3)
    entry(owner, "2025-08-20 06:30", km=65)
    before = stored(owner)
    # The 65 km ride would become the first ride when the crash comes.
    monkeypatch.setattr(Milestone.objects, "bulk_create", _crash)

    with pytest.raises(RuntimeError):
        delete_activity(first)

    assert Activity.objects.filter(pk=first.pk).exists()
    assert stored(owner) == before
    assert Record.objects.filter(activity=first, measure="distance").exists()

"""Judging spends the same few queries whatever the history: 30 activities or 300."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from saathi.accounts.models import User
from saathi.activities.changes import delete_activity, edit_activity
from saathi.activities.models import Activity, Source
from saathi.records.models import Record
from saathi.records.records import forget, judge, rebuild
from tests.records.history import entry, local

# What one entry, edit or delete may spend in all, judging included: the entry itself
# takes two (its insert, and the transaction's savepoint or commit), a delete six more
# (its import jobs, streams and the rows that cascade).
BOUND = 40

Change = Callable[[User], object]


def _history(name: str, size: int) -> User:
    """Rides and runs a day apart, written at once and judged by a rebuild (which the
    one-at-a-time judging is held to in test_judging_matches_a_rebuild.py)."""
    person = User.objects.create_user(name, f"{name}@example.org", time_zone="Asia/Kolkata")
    first = local("2015-01-01 07:00")
    activities = []
    for i in range(size):
        sport = "run" if i % 3 == 0 else "ride"
        km = 5 + (i * 7) % 23 if sport == "run" else 20 + (i * 11) % 37
        start = first + timedelta(days=i)
        activities.append(
            Activity(
                owner=person,
                sport=sport,
                title=f"{sport} {i}",
                source=Source.MANUAL,
                start_time=start,
                timezone="Asia/Kolkata",
                local_date=start.date(),
                distance_m=km * 1000.0,
                moving_s=5400.0,
                elapsed_s=5400.0,
            )
        )
    Activity.objects.bulk_create(activities)
    rebuild(person.pk)
    return person


def _record_holder(person: User) -> Activity:
    chain = Record.objects.filter(owner=person, sport="ride", measure="distance")
    return chain.order_by("start_time").last().activity  # type: ignore[union-attr]


def _first_ride(person: User) -> Activity:
    return Activity.objects.filter(owner=person, sport="ride").earliest("start_time")


CHANGES: dict[str, Change] = {
    "the newest, longest ever": lambda p: entry(p, "2016-06-01 07:00", km=300, minutes=600),
    "the newest, an ordinary one": lambda p: entry(p, "2016-06-01 07:00", km=21, minutes=60),
    "an older ride than all": lambda p: entry(p, "2014-06-01 07:00", km=300, minutes=600),
    "one in the middle": lambda p: entry(p, "2015-01-05 12:00", km=55, minutes=200),
    "deleting the record": lambda p: delete_activity(_record_holder(p)),
    "the first ride turned into a run": lambda p: edit_activity(_first_ride(p), sport="run"),
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_costs_the_same_queries_for_30_or_300_activities(
    db: None, change: str, django_assert_max_num_queries: Callable[..., Any]
) -> None:
    spent = {}
    for size in (30, 300):
        person = _history(f"person{size}", size)
        with django_assert_max_num_queries(BOUND) as queries:
            CHANGES[change](person)
        spent[size] = len(queries)
    assert spent[30] == spent[300]


@pytest.mark.parametrize("size", [30, 300])
def test_judging_and_forgetting_alone_stay_within_their_own_bounds(
    db: None, size: int, django_assert_max_num_queries: Callable[..., Any]
) -> None:
    person = _history("person", size)
    for activity in Activity.objects.filter(owner=person).order_by("?")[:12]:
        with django_assert_max_num_queries(12):
            forget(activity)
        with django_assert_max_num_queries(10):
            judge(activity)

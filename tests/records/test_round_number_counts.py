"""The first of a sport, and its 10th, 25th, 50th ... by start, not by import order."""

from __future__ import annotations

from datetime import date, timedelta

from saathi.accounts.models import User
from saathi.activities.changes import delete_activity
from saathi.records.chains import ROUND_NUMBERS
from saathi.records.models import Kind, Milestone
from tests.activities.pages import text_of
from tests.people import browser_of
from tests.records.history import entry


def _rides(owner: User, count: int, first: date) -> list[int]:
    return [entry(owner, f"{first + timedelta(days=i)} 07:00", km=20).pk for i in range(count)]


def _counts(owner: User) -> dict[int, int]:
    rows = Milestone.objects.filter(owner=owner, kind__in=[Kind.FIRST, Kind.COUNT])
    return dict(rows.values_list("number", "activity_id"))


def test_the_series_is_first_then_ten_twenty_five_fifty_and_on() -> None:
    assert ROUND_NUMBERS[:10] == (1, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000)


def test_the_first_and_the_tenth_ride_are_marked(owner: User) -> None:
    rides = _rides(owner, 11, date(2025, 1, 1))

    assert _counts(owner) == {1: rides[0], 10: rides[9]}
    page = text_of(browser_of(owner).get(f"/activities/{rides[9]}/").content.decode())
    assert "10th ride" in page
    first_yoga = entry(owner, "2025-02-01 06:00", sport="yoga", minutes=7)
    page = text_of(browser_of(owner).get(f"/activities/{first_yoga.pk}/").content.decode())
    assert "First yoga session" in page


def test_an_older_ride_arriving_later_moves_the_counts_along(owner: User) -> None:
    rides = _rides(owner, 10, date(2025, 1, 10))
    older = entry(owner, "2025-01-01 07:00", km=5).pk

    assert _counts(owner) == {1: older, 10: rides[8]}


def test_deleting_a_ride_moves_the_tenth_to_the_next_one(owner: User) -> None:
    rides = _rides(owner, 11, date(2025, 1, 1))
    delete_activity(Milestone.objects.get(kind=Kind.FIRST).activity)

    assert _counts(owner) == {1: rides[1], 10: rides[10]}

"""The story's moment: a 65 km ride after a 42 km one is her longest ride so far, with
the previous best beside it; deleting it gives the record back to the 42 km ride."""

from __future__ import annotations

from saathi.accounts.models import User
from saathi.activities.changes import delete_activity
from saathi.records.models import Kind, Record
from tests.activities.pages import text_of
from tests.people import browser_of
from tests.records.history import entry, imported_ride, milestones_of


def test_the_second_longer_ride_says_longest_ride_so_far_with_the_first(owner: User) -> None:
    first = imported_ride(owner, 42.3, "2025-08-02 07:00")
    second = imported_ride(owner, 65, "2025-08-20 06:30")
    assert first.sport == second.sport == "ride"

    [longest] = milestones_of(second)[Kind.LONGEST]
    assert longest.previous_activity_id == first.pk
    assert longest.previous_value == first.distance_m
    page = text_of(browser_of(owner).get(f"/activities/{second.pk}/").content.decode())
    expected = (
        f"{second.distance_m / 1000:.1f} km — longest ride so far, "
        f"previous {first.distance_m / 1000:.1f} km on 2 Aug"
    )
    assert expected in page
    assert "65.0 km" in expected and "42.3 km" in expected


def test_the_first_ride_is_a_first_and_not_a_longest(owner: User) -> None:
    first = imported_ride(owner, 42.3, "2025-08-02 07:00")

    assert set(milestones_of(first)) == {Kind.FIRST}
    page = text_of(browser_of(owner).get(f"/activities/{first.pk}/").content.decode())
    assert "First ride" in page
    assert "longest ride so far" not in page


def test_deleting_the_longest_ride_restores_the_one_before(owner: User) -> None:
    first = imported_ride(owner, 42.3, "2025-08-02 07:00")
    second = imported_ride(owner, 65, "2025-08-20 06:30")
    record = Record.objects.filter(owner=owner, sport="ride", measure="distance")
    assert record.order_by("start_time").last().activity_id == second.pk  # type: ignore[union-attr]

    delete_activity(second)

    assert list(record.values_list("activity_id", "value")) == [(first.pk, first.distance_m)]
    page = text_of(browser_of(owner).get("/records/").content.decode())
    assert f"Longest distance {first.distance_m / 1000:.1f} km {first.title}" in page


def test_a_ride_a_few_metres_longer_shows_the_difference(owner: User) -> None:
    first = entry(owner, "2025-08-02 07:00", km=42.31)
    second = entry(owner, "2025-08-20 07:00", km=42.34)

    page = text_of(browser_of(owner).get(f"/activities/{second.pk}/").content.decode())

    assert first.pk != second.pk
    assert "42.34 km — longest ride so far, previous 42.31 km on 2 Aug" in page

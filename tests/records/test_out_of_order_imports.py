"""An archive arrives newest first: each older activity re-judges the later ones, so
"so far" always means before the activity's start."""

from __future__ import annotations

from saathi.accounts.models import User
from saathi.records.models import Kind, Record
from saathi.records.records import rebuild
from tests.records.history import imported_ride, milestones_of, stored


def test_an_older_shorter_ride_arriving_later_makes_the_newer_one_longest(owner: User) -> None:
    newer = imported_ride(owner, 65, "2025-08-20 06:30")
    assert set(milestones_of(newer)) == {Kind.FIRST}
    older = imported_ride(owner, 42.3, "2025-08-02 07:00")

    assert set(milestones_of(older)) == {Kind.FIRST}
    [longest] = milestones_of(newer)[Kind.LONGEST]
    assert longest.previous_activity_id == older.pk


def test_an_older_longer_ride_takes_the_record_and_the_badge_away(owner: User) -> None:
    shorter = imported_ride(owner, 42.3, "2025-08-02 07:00")
    newer = imported_ride(owner, 65, "2025-08-20 06:30")
    oldest = imported_ride(owner, 80, "2025-04-10 06:00")

    assert Kind.LONGEST not in milestones_of(newer)
    chain = Record.objects.filter(owner=owner, measure="distance").order_by("start_time")
    assert list(chain.values_list("activity_id", flat=True)) == [oldest.pk]
    # The 42 km ride, almost four months after an 80 km one, is the longest since then.
    [since] = milestones_of(shorter)[Kind.LONGEST_SINCE]
    assert since.previous_activity_id == oldest.pk
    # The 65 km ride comes after the 42 km one: the last as long is still in April.
    assert milestones_of(newer)[Kind.LONGEST_SINCE][0].previous_activity_id == oldest.pk


def test_a_whole_archive_newest_first_ends_as_if_imported_in_order(owner: User) -> None:
    plan = [(30, "2025-01-04"), (35, "2025-01-18"), (20, "2025-02-01"), (50, "2025-03-01"),
            (25, "2025-07-05"), (45, "2025-07-19"), (60, "2025-08-02")]  # fmt: skip
    for km, day in reversed(plan):
        imported_ride(owner, km, f"{day} 07:00")
    arrived = stored(owner)

    rebuild(owner.pk)

    assert stored(owner) == arrived
    by_km = {round(a.distance_m / 1000): a for a in owner.activities.all()}
    assert set(milestones_of(by_km[45])) == {Kind.LONGEST_SINCE}
    assert set(milestones_of(by_km[60])) == {Kind.LONGEST}

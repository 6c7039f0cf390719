"""Each sport keeps its own records, counts and milestones."""

from __future__ import annotations

from saathi.accounts.models import User
from saathi.records.models import Kind, Record
from tests.records.history import entry, milestones_of


def test_a_long_ride_does_not_beat_a_run_nor_a_run_a_ride(owner: User) -> None:
    ride = entry(owner, "2025-03-01 07:00", km=60)
    run = entry(owner, "2025-03-02 07:00", sport="run", km=10, minutes=55)
    hike = entry(owner, "2025-03-03 07:00", sport="hike", km=8, minutes=200)
    run2 = entry(owner, "2025-03-04 07:00", sport="run", km=12, minutes=65)

    holders = dict(Record.objects.filter(measure="distance").values_list("sport", "activity_id"))
    assert holders == {"ride": ride.pk, "run": run2.pk, "hike": hike.pk}
    for first in (ride, run, hike):
        assert set(milestones_of(first)) == {Kind.FIRST}
    assert milestones_of(run2)[Kind.LONGEST][0].previous_activity_id == run.pk


def test_a_mountain_bike_ride_is_a_sport_of_its_own(owner: User) -> None:
    entry(owner, "2025-03-01 07:00", km=60)
    mtb = entry(owner, "2025-03-02 07:00", sport="mountain_bike_ride", km=20, minutes=120)

    assert set(milestones_of(mtb)) == {Kind.FIRST}


def test_one_persons_records_are_not_anothers(owner: User, stranger: User) -> None:
    entry(owner, "2025-03-01 07:00", km=60)
    theirs = entry(stranger, "2025-03-02 07:00", km=30)

    assert set(milestones_of(theirs)) == {Kind.FIRST}
    assert Record.objects.filter(owner=stranger, measure="distance").get().activity == theirs

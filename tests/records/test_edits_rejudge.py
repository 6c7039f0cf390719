"""Changing what an activity is (its sport, its typed figures, its time zone) judges it
again: its records move, and the activities after it follow."""

from __future__ import annotations

from saathi.accounts.models import User
from saathi.activities.changes import edit_activity
from saathi.activities.manual import edit_manual_figures
from saathi.records.models import Kind, Record
from tests.activities.pages import text_of
from tests.people import browser_of
from tests.records.history import entry, milestones_of


def _holders(owner: User, sport: str, measure: str = "distance") -> list[int]:
    chain = Record.objects.filter(owner=owner, sport=sport, measure=measure)
    return list(chain.order_by("start_time").values_list("activity_id", flat=True))


def test_a_ride_turned_into_a_run_takes_its_records_to_running(owner: User) -> None:
    ride = entry(owner, "2025-03-01 07:00", km=30)
    longer = entry(owner, "2025-03-08 07:00", km=40)
    run = entry(owner, "2025-03-02 07:00", sport="run", km=10, minutes=55)
    assert _holders(owner, "ride") == [ride.pk, longer.pk]

    edit_activity(longer, sport="run")

    assert _holders(owner, "ride") == [ride.pk]
    assert _holders(owner, "run") == [run.pk, longer.pk]
    assert milestones_of(longer)[Kind.LONGEST][0].previous_activity_id == run.pk
    assert Kind.FIRST not in milestones_of(longer)
    page = text_of(browser_of(owner).get(f"/activities/{longer.pk}/").content.decode())
    assert "40.0 km — longest run so far, previous 10.0 km on 2 Mar" in page


def test_correcting_a_typed_distance_judges_the_entry_again(owner: User) -> None:
    first = entry(owner, "2025-03-01 07:00", km=30)
    second = entry(owner, "2025-03-08 07:00", km=40)
    assert Kind.LONGEST in milestones_of(second)

    edit_manual_figures(first, duration_s=3 * 3600, distance_m=45_000)

    assert _holders(owner, "ride") == [first.pk]
    assert Kind.LONGEST not in milestones_of(second)
    edit_manual_figures(first, duration_s=3600, distance_m=25_000)
    assert _holders(owner, "ride") == [first.pk, second.pk]
    assert milestones_of(second)[Kind.LONGEST][0].previous_value == 25_000


def test_a_new_time_zone_moves_the_date_the_next_badge_names(owner: User) -> None:
    # 06:00 in Kolkata on 2 August is still 1 August in Los Angeles.
    first = entry(owner, "2025-08-02 06:00", km=30)
    second = entry(owner, "2025-08-20 07:00", km=40)

    edit_activity(first, timezone="America/Los_Angeles")

    [longest] = milestones_of(second)[Kind.LONGEST]
    assert str(longest.previous_date) == "2025-08-01"
    page = text_of(browser_of(owner).get(f"/activities/{second.pk}/").content.decode())
    assert "previous 30.0 km on 1 Aug" in page

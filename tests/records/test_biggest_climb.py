"""A bigger climb than any before in the same sport is a badge; a tiny one is only a record."""

from __future__ import annotations

from saathi.accounts.models import User
from saathi.records.models import Kind, Record
from tests.activities.pages import text_of
from tests.people import browser_of
from tests.records.history import entry, milestones_of


def test_the_biggest_climb_so_far_names_the_previous_one(owner: User) -> None:
    entry(owner, "2025-04-05 07:00", sport="run", km=12, minutes=80, ascent=310)
    hills = entry(owner, "2025-04-12 07:00", sport="run", km=20, minutes=150, ascent=820)

    [climb] = milestones_of(hills)[Kind.CLIMB]
    assert (climb.value, climb.previous_value) == (820, 310)
    page = text_of(browser_of(owner).get(f"/activities/{hills.pk}/").content.decode())
    assert "820 m — biggest climb on a run so far, previous 310 m on 5 Apr" in page


def test_a_climb_of_a_few_metres_is_a_record_but_no_badge(owner: User) -> None:
    entry(owner, "2025-04-05 07:00", sport="ride", km=12, ascent=8)
    flat = entry(owner, "2025-04-12 07:00", sport="ride", km=10, ascent=20)

    assert Record.objects.filter(activity=flat, measure="ascent").exists()
    assert Kind.CLIMB not in milestones_of(flat)


def test_imperial_viewers_read_the_climb_in_feet(owner: User) -> None:
    entry(owner, "2025-04-05 07:00", sport="hike", km=8, minutes=200, ascent=300)
    hike = entry(owner, "2025-04-12 07:00", sport="hike", km=9, minutes=240, ascent=600)
    owner.units = "imperial"
    owner.save()

    page = text_of(browser_of(owner).get(f"/activities/{hike.pk}/").content.decode())
    assert "1,969 ft — biggest climb on a hike so far, previous 984 ft on 5 Apr" in page
    assert "5.6 mi — longest hike so far, previous 5.0 mi on 5 Apr" in page

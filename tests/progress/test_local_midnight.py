"""An activity just after local midnight counts on its local day, week, month and year,
not on the UTC date (the evening before)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.progress.stats import Selection, stats
from tests.people import browser_of
from tests.progress.entries import entry

pytestmark = pytest.mark.django_db

KOLKATA = ZoneInfo("Asia/Kolkata")


def test_a_ride_at_twenty_past_midnight_in_kolkata_is_on_new_years_day(owner: User) -> None:
    # 00:20 on 1 January 2026 in Kolkata is 18:50 on 31 December 2025 in UTC.
    ride = entry(owner, datetime(2026, 1, 1, 0, 20, tzinfo=KOLKATA), distance_m=25_000)
    assert ride.start_time.date() == date(2025, 12, 31)
    assert ride.local_date == date(2026, 1, 1)
    mine = Activity.objects.owned_by(owner)
    assert [row["period"] for row in mine.totals_per("year")] == [date(2026, 1, 1)]
    assert [row["period"] for row in mine.totals_per("month")] == [date(2026, 1, 1)]
    assert [row["period"] for row in mine.totals_per("day")] == [date(2026, 1, 1)]

    figures = stats(owner, Selection("", 2026, ""), today=date(2026, 1, 2))
    assert figures.year_total.count == 1
    assert figures.monthly[0].distance_m == 25_000
    assert figures.to_date.this_year == 25_000 and figures.to_date.last_year == 0
    [new_years_day] = [d for w in figures.calendar.weeks for d in w if d and d.activities]
    assert new_years_day.date == date(2026, 1, 1)
    assert new_years_day.activities[0].clock == "00:20"


def test_the_calendar_of_2025_does_not_hold_it(owner: User) -> None:
    entry(
        owner, datetime(2026, 1, 1, 0, 20, tzinfo=KOLKATA), distance_m=25_000, title="Midnight ride"
    )
    html = browser_of(owner).get("/stats/?year=2025").content.decode()
    assert "Midnight ride" not in html
    assert "<dt>Activities in 2025</dt><dd>0</dd>" in html
    html = browser_of(owner).get("/stats/?year=2026").content.decode()
    assert 'title="Thu 1 Jan 2026: Midnight ride, 00:20, 25.00 km"' in html


def test_a_viewer_elsewhere_sees_the_activitys_own_local_day(owner: User, stranger: User) -> None:
    # Entered by a Londoner for a ride in Kolkata: the day is Kolkata's.
    ride = entry(stranger, datetime(2026, 1, 1, 0, 20, tzinfo=KOLKATA), distance_m=25_000)
    assert ride.local_date == date(2026, 1, 1)
    html = browser_of(stranger).get("/stats/day/2026-01-01/").content.decode()
    assert "00:20 · 25.00 km" in html
    assert "No activity" in browser_of(stranger).get("/stats/day/2025-12-31/").content.decode()

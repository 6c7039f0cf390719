"""The year's calendar: a square per day in week columns from Monday, the right days
active with their activities named and linked, shaded by moving time."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.progress.heatmap import heatmap
from saathi.units import Units
from tests.people import browser_of
from tests.progress.entries import entry

pytestmark = pytest.mark.django_db


def _active_cells(html: str) -> dict[str, str]:
    """Each active day's date and title, as the calendar links them."""
    cells = re.findall(
        r'<a class="heat l\d[^"]*" href="[^"]*" hx-get="[^"]*"'
        r'[^>]*data-day="([^"]+)" title="([^"]+)"',
        html,
    )
    return dict(cells)


def test_the_active_days_carry_their_activities(owner: User) -> None:
    entry(owner, datetime(2026, 3, 4, 6, 10), sport="yoga", minutes=7, title="Suryanamaskar")
    entry(owner, datetime(2026, 3, 4, 17, 30), distance_m=42_300, title="Evening ride")
    entry(owner, datetime(2026, 7, 19, 7, 0), sport="run", distance_m=20_000, title="Hill run")
    entry(owner, datetime(2025, 3, 4, 7, 0), distance_m=10_000, title="Last year's ride")
    html = browser_of(owner).get("/stats/?year=2026").content.decode()
    assert _active_cells(html) == {
        "2026-03-04": "Wed 4 Mar 2026: Suryanamaskar, 06:10, 7:00; Evening ride, 17:30, 42.30 km",
        "2026-07-19": "Sun 19 Jul 2026: Hill run, 07:00, 20.00 km",
    }
    assert "2 active days, 3 activities" in html


def test_a_day_links_to_its_activities_and_loads_them_in_the_panel(owner: User) -> None:
    ride = entry(owner, datetime(2026, 3, 4, 17, 30), distance_m=42_300, title="Evening ride")
    html = browser_of(owner).get("/stats/?year=2026&sport=ride").content.decode()
    assert 'href="/activities/?since=2026-03-04&amp;until=2026-03-04&amp;sport=ride"' in html
    assert 'hx-get="/stats/day/2026-03-04/?sport=ride"' in html
    panel = browser_of(owner).get("/stats/day/2026-03-04/?sport=ride").content.decode()
    assert f'<a href="/activities/{ride.pk}/">Evening ride</a>' in panel
    assert "17:30 · 42.30 km" in panel
    assert (
        "No activity of this sport"
        in browser_of(owner).get("/stats/day/2026-03-04/?sport=run").content.decode()
    )


def test_weeks_are_columns_from_monday_covering_the_whole_year(owner: User) -> None:
    calendar = heatmap(Activity.objects.owned_by(owner), 2026, Units.METRIC)
    # 1 January 2026 is a Thursday: the first column starts on Monday 29 December,
    # whose first three days are outside the year.
    assert calendar.weeks[0][:3] == [None, None, None]
    assert calendar.weeks[0][3] is not None and calendar.weeks[0][3].date == date(2026, 1, 1)
    days = [day.date for week in calendar.weeks for day in week if day is not None]
    assert len(days) == 365 and days[0] == date(2026, 1, 1) and days[-1] == date(2026, 12, 31)
    assert all(
        day.weekday() == n
        for week in calendar.weeks
        for n, day in enumerate(week)
        if day
        for day in [day.date]
    )
    assert [name for name, _ in calendar.months] == [
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Oct",
        "Nov",
        "Dec",
    ]
    assert sum(weeks for _, weeks in calendar.months) == len(calendar.weeks)


def test_more_moving_time_is_a_darker_day(owner: User) -> None:
    for day, minutes in ((1, 10), (2, 30), (3, 60), (4, 120), (5, 240)):
        entry(
            owner, datetime(2026, 6, day, 7), sport="run", minutes=minutes, distance_m=minutes * 150
        )
    calendar = heatmap(Activity.objects.owned_by(owner), 2026, Units.METRIC)
    levels = {
        day.date.day: day.level for week in calendar.weeks for day in week if day and day.activities
    }
    assert levels[1] == 1 and levels[5] == 4
    assert levels[1] <= levels[2] <= levels[3] <= levels[4] <= levels[5]


def test_a_year_of_the_same_morning_routine_is_evenly_shaded(owner: User) -> None:
    for day in range(1, 8):
        entry(owner, datetime(2026, 6, day, 6, 10), sport="yoga", minutes=7)
    calendar = heatmap(Activity.objects.owned_by(owner), 2026, Units.METRIC)
    levels = {day.level for week in calendar.weeks for day in week if day and day.activities}
    assert levels == {3}

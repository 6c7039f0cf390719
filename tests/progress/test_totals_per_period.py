"""Totals per ISO week, month and year, per sport, summed by the database on local dates,
and shown on the stats page in the viewer's units."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.progress.periods import iso_weeks
from tests.people import browser_of
from tests.progress.entries import entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def season(owner: User) -> User:
    # Two rides and a run in March 2026 (weeks of 2 and 9 March), a ride in April, a
    # yoga morning with no distance, and a ride in 2025.
    entry(owner, datetime(2026, 3, 2, 7), distance_m=40_000, ascent_m=300, minutes=90)
    entry(owner, datetime(2026, 3, 8, 7), distance_m=20_000, ascent_m=100, minutes=60)
    entry(owner, datetime(2026, 3, 9, 6), sport="run", distance_m=10_000, ascent_m=50, minutes=50)
    entry(owner, datetime(2026, 4, 12, 7), distance_m=65_000, ascent_m=700, minutes=200)
    entry(owner, datetime(2026, 4, 13, 6), sport="yoga", minutes=7)
    entry(owner, datetime(2025, 11, 1, 7), distance_m=30_000, minutes=80)
    return owner


def _rows(owner: User, period: str, **kwargs: bool) -> list[dict[str, object]]:
    return list(Activity.objects.owned_by(owner).totals_per(period, **kwargs))


def test_weeks_start_on_monday_and_sum_every_figure(season: User) -> None:
    weeks = {row["period"]: row for row in _rows(season, "week")}
    # Monday 2 March and Sunday 8 March are one week; Monday 9 March starts the next.
    assert weeks[date(2026, 3, 2)] == {
        "period": date(2026, 3, 2),
        "count": 2,
        "distance_m": 60_000,
        "moving_s": 150 * 60,
        "ascent_m": 400,
    }
    assert weeks[date(2026, 3, 9)]["count"] == 1
    assert weeks[date(2026, 4, 13)]["distance_m"] is None  # yoga alone has no distance


def test_months_and_years_per_sport(season: User) -> None:
    months = {(row["period"], row["sport"]): row for row in _rows(season, "month", by_sport=True)}
    assert months[(date(2026, 3, 1), "ride")]["distance_m"] == 60_000
    assert months[(date(2026, 3, 1), "run")]["distance_m"] == 10_000
    assert months[(date(2026, 4, 1), "yoga")]["moving_s"] == 7 * 60
    years = {row["period"]: row for row in _rows(season, "year")}
    assert years[date(2026, 1, 1)]["count"] == 5
    assert years[date(2026, 1, 1)]["distance_m"] == 135_000
    assert years[date(2025, 1, 1)]["count"] == 1


def test_the_stats_page_shows_the_years_totals_and_each_month(season: User) -> None:
    html = browser_of(season).get("/stats/?year=2026").content.decode()
    assert "<dt>Activities in 2026</dt><dd>5</dd>" in html
    assert '135.0<span class="unit">km</span>' in html
    assert '1,150<span class="unit">m</span>' in html
    # March in the months' table: 3 activities, 70 km, 3:20 of moving time.
    march = html.split('<th scope="row">Mar</th>', 1)[1].split("</tr>", 1)[0]
    assert '<td class="num">3</td>' in march
    assert '70.00<span class="unit">km</span>' in march
    assert "3:20" in march


def test_one_sport_alone_and_imperial_units(season: User) -> None:
    season.units = "imperial"
    season.save()
    html = browser_of(season).get("/stats/?year=2026&sport=run").content.decode()
    assert "<dt>Activities in 2026</dt><dd>1</dd>" in html
    assert '6.21<span class="unit">mi</span>' in html  # 10 km
    assert '164<span class="unit">ft</span>' in html  # 50 m


def test_iso_weeks_cross_the_new_year(owner: User) -> None:
    # ISO week 1 of 2026 starts on Monday 29 December 2025; 2026 ends in week 53,
    # which runs to Sunday 3 January 2027.
    assert iso_weeks(2026) == (date(2025, 12, 29), date(2027, 1, 3))
    entry(owner, datetime(2025, 12, 29, 7), distance_m=10_000)
    entry(owner, datetime(2026, 1, 4, 7), distance_m=5_000)
    entry(owner, datetime(2025, 12, 28, 7), distance_m=1_000)  # Sunday: the last week of 2025
    weeks = {row["period"]: row["distance_m"] for row in _rows(owner, "week")}
    assert weeks == {date(2025, 12, 22): 1_000, date(2025, 12, 29): 15_000}
    html = browser_of(owner).get("/stats/?year=2026&measure=distance").content.decode()
    first_week = html.split("Week of</th>", 1)[1].split('<th scope="row">29 Dec</th>', 1)[1]
    assert '15.00<span class="unit">km</span>' in first_week.split("</tr>", 1)[0]

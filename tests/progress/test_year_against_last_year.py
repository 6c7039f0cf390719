"""This year to today against last year to the same day, as numbers and as two
cumulative lines by day of the year."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from saathi.accounts.models import User
from saathi.progress.stats import Selection, chart_data, stats
from saathi.units import Units
from tests.activities.pages import text_of
from tests.people import browser_of
from tests.progress.entries import entry

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 10)


@pytest.fixture
def two_springs(owner: User) -> User:
    entry(owner, datetime(2025, 1, 5, 7), distance_m=20_000)
    entry(owner, datetime(2025, 3, 10, 7), distance_m=30_000)  # on the same day: counts
    entry(owner, datetime(2025, 3, 11, 7), distance_m=50_000)  # a day later: does not
    entry(owner, datetime(2026, 1, 2, 7), distance_m=40_000)
    entry(owner, datetime(2026, 3, 10, 6), distance_m=15_000)
    return owner


def test_the_years_are_compared_to_the_same_day(two_springs: User) -> None:
    line = stats(two_springs, Selection("", 2026, ""), TODAY).to_date
    assert (line.this_year, line.last_year) == (55_000, 50_000)
    assert line.change_percent == 10
    assert line.same_day == date(2025, 3, 10)


def test_the_lines_add_up_day_by_day(two_springs: User) -> None:
    figures = stats(two_springs, Selection("", 2026, ""), TODAY)
    line = chart_data(figures, Units.METRIC)["to_date"]
    assert len(line["this"]) == 69  # 1 January to 10 March
    assert len(line["last"]) == 365
    assert line["this"][0] == 0 and line["this"][1] == 40 and line["this"][-1] == 55
    assert line["last"][3] == 0 and line["last"][4] == 20 and line["last"][-1] == 100
    assert line["unit"] == "km"


def test_a_leap_day_is_compared_to_the_28th(owner: User) -> None:
    entry(owner, datetime(2023, 2, 28, 7), distance_m=5_000)
    line = stats(owner, Selection("", 2024, ""), date(2024, 2, 29)).to_date
    assert line.same_day == date(2023, 2, 28)
    assert line.last_year == 5_000


def test_a_sport_without_distance_is_compared_by_moving_time(owner: User) -> None:
    entry(owner, datetime(2025, 3, 1, 6), sport="yoga", minutes=30)
    entry(owner, datetime(2026, 3, 1, 6), sport="yoga", minutes=45)
    line = stats(owner, Selection("yoga", 2026, ""), TODAY).to_date
    assert line.measure == "moving_time"
    assert (line.this_year, line.last_year) == (45 * 60, 30 * 60)


def test_the_page_says_the_numbers(two_springs: User, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(User, "today", lambda self, now=None: TODAY)
    words = text_of(browser_of(two_springs).get("/stats/").content.decode())
    assert "2026 against 2025, to date" in words
    assert "2026 to 10 Mar 55.0 km" in words
    assert "2025 to 10 Mar 50.0 km" in words
    assert "Change +10 %" in words

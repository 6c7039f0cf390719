"""Streaks of active days: the current one ends today or yesterday, a missed day breaks
it, and the longest is remembered with its dates."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from saathi.accounts.models import User
from saathi.progress.streaks import Streak, streaks
from tests.activities.pages import text_of
from tests.people import browser_of
from tests.progress.entries import entry

TODAY = date(2026, 5, 20)


def _days(*back: int) -> list[date]:
    return sorted(TODAY - timedelta(days=n) for n in back)


def test_a_streak_ending_today_is_current() -> None:
    result = streaks(_days(0, 1, 2, 3), TODAY)
    assert result.current == Streak(4, TODAY - timedelta(days=3), TODAY)


def test_a_streak_ending_yesterday_is_still_current() -> None:
    # Today is not over: the morning's session may be still to come.
    assert streaks(_days(1, 2, 3), TODAY).current.days == 3


def test_a_missed_day_breaks_the_streak() -> None:
    assert streaks(_days(2, 3, 4), TODAY).current == Streak()
    # Today and the day before yesterday, not yesterday: a streak of one.
    assert streaks(_days(0, 2, 3), TODAY).current.days == 1


def test_the_longest_streak_is_kept_with_its_dates() -> None:
    result = streaks(_days(0, 1, 10, 11, 12, 13, 14, 30, 31), TODAY)
    assert result.current.days == 2
    assert result.longest == Streak(5, TODAY - timedelta(days=14), TODAY - timedelta(days=10))


def test_on_a_tie_the_most_recent_streak_is_the_longest() -> None:
    result = streaks(_days(1, 2, 10, 11), TODAY)
    assert result.longest.last == TODAY - timedelta(days=1)


def test_no_activity_is_no_streak() -> None:
    result = streaks([], TODAY)
    assert result.current == result.longest == Streak()


@pytest.mark.django_db
def test_the_stats_page_counts_days_not_activities(owner: User) -> None:
    today = owner.today()
    # Two sessions today, one on each of the three days before, then a missed day,
    # and a week in a row before that.
    for back in (0, 0, 1, 2, 3, *range(5, 12)):
        day = today - timedelta(days=back)
        entry(owner, datetime.combine(day, time(6, 0)), sport="yoga", minutes=7)
    html = browser_of(owner).get("/stats/").content.decode()
    words = text_of(html)
    since = today - timedelta(days=3)
    assert f"Current streak 4 days since {since:%a} {since.day} {since:%b}" in words
    assert "Longest streak 7 days" in words


@pytest.mark.django_db
def test_a_sport_has_its_own_streak(owner: User) -> None:
    today = owner.today()
    for back in range(3):
        day = today - timedelta(days=back)
        entry(owner, datetime.combine(day, time(6, 0)), sport="yoga", minutes=7)
    entry(owner, datetime.combine(today - timedelta(days=3), time(6, 0)), distance_m=20_000)
    everything = text_of(browser_of(owner).get("/stats/").content.decode())
    assert "Current streak 4 days" in everything
    yoga = text_of(browser_of(owner).get("/stats/?sport=yoga").content.decode())
    assert "Current streak 3 days" in yoga

"""A goal's progress over its current week, month or year, on pace or behind against the
share of the period already gone, on the stats page and the dashboard."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from saathi.accounts.models import User
from saathi.progress.goals import goal_progress
from saathi.progress.models import Goal
from tests.activities.pages import text_of
from tests.people import browser_of
from tests.progress.entries import entry

pytestmark = pytest.mark.django_db


def _goal(owner: User, **fields: object) -> Goal:
    return Goal.objects.create(owner=owner, **fields)


def test_a_years_riding_counts_only_rides_of_this_year(owner: User) -> None:
    _goal(owner, sport="ride", period="year", measure="distance", target=1_000_000)
    entry(
        owner, datetime(2026, 1, 1, 0, 20), distance_m=100_000, minutes=300
    )  # just after local midnight
    entry(owner, datetime(2026, 2, 1, 7), distance_m=150_000, minutes=400)
    entry(owner, datetime(2026, 2, 2, 7), sport="run", distance_m=20_000)  # not a ride
    entry(owner, datetime(2025, 12, 31, 21, 0), distance_m=80_000, minutes=150)  # last year
    [item] = goal_progress(owner, date(2026, 4, 1))
    assert item.done == 250_000
    assert item.percent == 25
    assert (item.first, item.last, item.day, item.days) == (
        date(2026, 1, 1),
        date(2026, 12, 31),
        91,
        365,
    )
    # 90 of 365 days gone (24.7 %), 25 % done: on pace.
    assert item.state == "on pace"
    assert item.title == "1,000.0 km this year"


def test_behind_says_by_how_much(owner: User) -> None:
    _goal(owner, sport="", period="month", measure="moving_time", target=30 * 3600)
    entry(owner, datetime(2026, 4, 2, 7), sport="yoga", minutes=60)
    [item] = goal_progress(owner, date(2026, 4, 16))
    # Half of April gone (15 of 30 days) is 15 hours expected; 1 hour done.
    assert item.state == "behind"
    assert item.behind_by == "14:00 h"
    assert item.elapsed_percent == 50


def test_a_week_runs_from_monday_and_nothing_done_on_monday_is_on_pace(owner: User) -> None:
    _goal(owner, sport="run", period="week", measure="count", target=3)
    entry(owner, datetime(2026, 5, 10, 7), sport="run", distance_m=5_000)  # Sunday before
    [item] = goal_progress(owner, date(2026, 5, 11))  # a Monday
    assert item.done == 0 and item.first == date(2026, 5, 11) and item.state == "on pace"
    entry(owner, datetime(2026, 5, 12, 7), sport="run", distance_m=5_000)
    entry(owner, datetime(2026, 5, 13, 7), sport="run", distance_m=5_000)
    entry(owner, datetime(2026, 5, 17, 7), sport="run", distance_m=5_000)  # Sunday
    [item] = goal_progress(owner, date(2026, 5, 17))
    assert item.done == 3 and item.state == "reached" and item.percent == 100


def test_every_goal_is_summed_in_one_query(
    owner: User, django_assert_num_queries: pytest.FixtureDef[object]
) -> None:
    for period in ("week", "month", "year"):
        for measure in ("distance", "moving_time", "elevation", "count"):
            _goal(owner, sport="ride", period=period, measure=measure, target=1_000)
    entry(owner, datetime(2026, 5, 12, 7), distance_m=30_000, ascent_m=400)
    with django_assert_num_queries(2):  # the goals, then one aggregate
        items = goal_progress(owner, date(2026, 5, 14))
    assert len(items) == 12
    assert [item.goal.period for item in items][:4] == ["week"] * 4
    assert {item.done for item in items if item.goal.measure == "elevation"} == {400}


def test_goals_show_on_the_stats_page_and_the_dashboard(owner: User) -> None:
    today = owner.today()
    _goal(owner, sport="yoga", period="month", measure="count", target=20)
    entry(owner, datetime.combine(today, time(6, 10)), sport="yoga", minutes=7)
    if today.day > 1:
        entry(
            owner, datetime.combine(today - timedelta(days=1), time(6, 10)), sport="yoga", minutes=7
        )
    done = 2 if today.day > 1 else 1
    for url in ("/stats/", "/"):
        words = text_of(browser_of(owner).get(url).content.decode())
        assert "Yoga 20 activities this month" in words
        assert f"{done} activities · {done * 5}% · day {today.day} of" in words
    html = browser_of(owner).get("/stats/").content.decode()
    assert f'style="width: {done * 5}%"' in html


def test_no_goals_leaves_the_dashboard_as_it_was(owner: User) -> None:
    assert "Goals" not in text_of(browser_of(owner).get("/").content.decode())
    assert "No goals yet" in browser_of(owner).get("/stats/").content.decode()

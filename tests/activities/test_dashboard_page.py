"""The dashboard filled in: this week's totals and bars, and recent activities as cards."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest

from saathi.accounts.models import User
from saathi.activities.manual import create_manual_activity
from saathi.pages.glance import week_at_a_glance
from tests.activities.pages import RIDE, imported
from tests.people import browser_of

pytestmark = pytest.mark.django_db


def _this_monday(owner: User) -> datetime:
    today = owner.today()
    monday = today - timedelta(days=today.weekday())
    return datetime(monday.year, monday.month, monday.day, 7, 0)


def test_this_weeks_totals_add_up_per_sport(owner: User) -> None:
    monday = _this_monday(owner)
    create_manual_activity(
        owner=owner, sport="run", start=monday, duration_s=1800, distance_m=6000, ascent_m=40
    )
    create_manual_activity(owner=owner, sport="yoga", start=monday, duration_s=3600)
    # Last Sunday is another week.
    create_manual_activity(
        owner=owner, sport="run", start=monday - timedelta(days=1), duration_s=600, distance_m=2000
    )
    html = browser_of(owner).get("/").content.decode()
    assert "<dt>Activities</dt><dd>2</dd>" in html
    assert '6.0<span class="unit">km</span>' in html
    assert "<dt>Moving time</dt><dd>1:30</dd>" in html
    assert '40<span class="unit">m</span>' in html
    glance = week_at_a_glance(owner)
    assert [(row.label, row.count) for row in glance.sports] == [("Yoga", 1), ("Run", 1)]


def test_the_busiest_day_has_the_full_bar(owner: User) -> None:
    monday = _this_monday(owner)
    create_manual_activity(owner=owner, sport="yoga", start=monday, duration_s=3600)
    if owner.local_now().weekday() >= 1:
        tuesday = monday + timedelta(days=1)
        create_manual_activity(owner=owner, sport="yoga", start=tuesday, duration_s=900)
        expected = [100, 25, 0, 0, 0, 0, 0]
    else:
        expected = [100, 0, 0, 0, 0, 0, 0]
    bars = [bar.percent for bar in week_at_a_glance(owner).bars]
    assert bars == expected
    html = browser_of(owner).get("/").content.decode()
    assert 'style="height: 100%"' in html


def test_recent_activities_are_cards_with_the_route_shape(owner: User) -> None:
    ride = imported(owner, RIDE)
    html = browser_of(owner).get("/").content.decode()
    assert f'href="/activities/{ride.pk}/">Loop around Stavelot</a>' in html
    assert '57.57<span class="unit">km</span>' in html
    path = re.search(r'<svg class="route-shape"[^>]*><path d="M([^"]+)"/>', html)
    assert path, "the card has no route shape"
    points = [tuple(map(float, pair.split(","))) for pair in path.group(1).split()]
    assert 20 <= len(points) <= 81
    # Fitted inside the 120 x 80 box.
    assert all(0 <= x <= 120 and 0 <= y <= 80 for x, y in points)
    assert "Your journal is waiting for its first entry" not in html

"""The charts draw the measure picked — distance, moving time, elevation or activities —
in the viewer's units; a sport without distance starts on moving time."""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

import pytest

from saathi.accounts.models import User
from tests.people import browser_of
from tests.progress.entries import entry

pytestmark = pytest.mark.django_db


def _charts(user: User, query: str) -> dict[str, Any]:
    html = browser_of(user).get(f"/stats/?year=2026&{query}").content.decode()
    match = re.search(r'<script id="stats-data" type="application/json">(.*?)</script>', html)
    assert match, "the page carries no chart data"
    data: dict[str, Any] = json.loads(match.group(1))
    return data


@pytest.fixture
def spring(owner: User) -> User:
    entry(owner, datetime(2026, 3, 3, 7), distance_m=32_186.88, ascent_m=304.8, minutes=90)
    entry(owner, datetime(2026, 3, 4, 7), distance_m=16_093.44, minutes=45)
    entry(owner, datetime(2026, 5, 1, 6), sport="yoga", minutes=30)
    return owner


def test_distance_by_default_per_week_month_and_year(spring: User) -> None:
    data = _charts(spring, "")
    assert (data["measure"], data["unit"]) == ("distance", "km")
    assert len(data["month"]["values"]) == 12 and data["month"]["labels"][2] == "Mar"
    assert data["month"]["values"][2] == pytest.approx(48.28)
    assert len(data["week"]["values"]) == 53  # 2026 has 53 ISO weeks
    assert data["week"]["labels"][9] == "2 Mar"
    assert data["week"]["values"][9] == pytest.approx(48.28)
    assert data["year"] == {"labels": ["2026"], "values": [pytest.approx(48.28)]}


def test_each_measure_in_the_viewers_units(spring: User) -> None:
    spring.units = "imperial"
    spring.save()
    assert _charts(spring, "measure=distance")["month"]["values"][2] == pytest.approx(30)
    elevation = _charts(spring, "measure=elevation")
    assert elevation["unit"] == "ft" and elevation["month"]["values"][2] == pytest.approx(1000)
    time = _charts(spring, "measure=moving_time")
    assert time["unit"] == "h" and time["month"]["values"][2] == pytest.approx(2.25)
    count = _charts(spring, "measure=count")
    assert count["month"]["values"][2] == 2 and count["month"]["values"][4] == 1


def test_yoga_is_charted_by_moving_time(spring: User) -> None:
    data = _charts(spring, "sport=yoga")
    assert data["measure"] == "moving_time"
    assert data["month"]["values"][4] == 0.5
    assert data["to_date"]["measure"] == "moving_time"


def test_a_measure_that_is_not_one_falls_back(spring: User) -> None:
    assert _charts(spring, "measure=<script>")["measure"] == "distance"
    assert _charts(spring, "measure=calories&sport=cricket&year=abc")["measure"] == "distance"

"""Logging an activity with no file: yoga needs no distance, a run does."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from saathi.accounts.models import User
from saathi.activities.forms import parse_duration
from saathi.activities.models import Activity
from tests.activities.pages import text_of
from tests.people import browser_of

pytestmark = pytest.mark.django_db


def _post(owner: User, **fields: str) -> tuple[int, str]:
    data = {"sport": "run", "date": "2026-05-01", "time": "06:30", "duration": "0:45:00"}
    response = browser_of(owner).post("/activities/new/", {**data, **fields})
    return response.status_code, response.content.decode()


def test_a_yoga_session_needs_no_distance(owner: User) -> None:
    status, _ = _post(owner, sport="yoga", duration="1:00:00", perceived_effort="4")
    assert status == 302
    yoga = Activity.objects.get(owner=owner)
    assert yoga.sport == "yoga" and yoga.distance_m is None
    assert yoga.moving_s == 3600 and yoga.perceived_effort == 4
    # 06:30 in her home zone, Kolkata (UTC+5:30), is 01:00 UTC.
    assert yoga.start_time == datetime(2026, 5, 1, 1, 0, tzinfo=ZoneInfo("UTC"))
    html = browser_of(owner).get(f"/activities/{yoga.pk}/").content.decode()
    words = text_of(html)
    assert "Moving time 1:00:00" in words
    assert "Distance" not in words.split("Files")[0]


def test_a_run_without_a_distance_is_refused_with_a_reason(owner: User) -> None:
    status, html = _post(owner, sport="run")
    assert status == 200
    assert "A run needs a distance." in html
    assert not Activity.objects.exists()


def test_distances_are_typed_in_the_viewers_units(owner: User) -> None:
    owner.units = "imperial"
    owner.save()
    html = browser_of(owner).get("/activities/new/").content.decode()
    assert "Distance (mi)" in html and "Elevation gain (ft)" in html
    _post(owner, distance="3.1", elevation="100")
    run = Activity.objects.get(owner=owner)
    assert run.distance_m == pytest.approx(3.1 * 1609.344)
    assert run.ascent_m == pytest.approx(30.48)


def test_the_domains_objections_appear_beside_their_fields(owner: User) -> None:
    # 100 km in 45 minutes on foot: manual.py says no one has run that fast.
    status, html = _post(owner, distance="100")
    assert status == 200
    assert "faster than anyone has gone" in html
    assert not Activity.objects.exists()


def test_a_bad_duration_says_how_to_write_one(owner: User) -> None:
    status, html = _post(owner, sport="yoga", duration="an hour")
    assert status == 200 and "h:mm:ss" in html


@pytest.mark.parametrize(
    ("typed", "seconds"),
    [("1:02:03", 3723.0), ("45:00", 2700.0), ("0:45:00", 2700.0), ("90", 5400.0)],
)
def test_durations_read_as_people_write_them(typed: str, seconds: float) -> None:
    assert parse_duration(typed) == seconds


def test_a_duration_with_sixty_seconds_is_refused() -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        parse_duration("10:60")

"""Figures as pages print them, at a person's precision, in the viewer's units."""

from __future__ import annotations

from datetime import date

import pytest

from saathi.activities.templatetags.units import (
    day_text,
    distance_parts,
    duration_text,
    elevation_parts,
    pace_or_speed_parts,
    pace_parts,
    speed_parts,
)


def test_distances_have_two_decimals_in_km_or_miles() -> None:
    assert distance_parts(12_345.6789, "metric") == ("12.35", "km")
    assert distance_parts(1609.344 * 26.2, "imperial") == ("26.20", "mi")
    assert distance_parts(None, "metric")[1] == ""


def test_durations_read_like_a_stopwatch() -> None:
    assert duration_text(3723) == "1:02:03"
    assert duration_text(2530.4) == "42:10"
    assert duration_text(59.6) == "1:00"
    assert duration_text(36 * 3600 + 5) == "36:00:05"


def test_pace_is_minutes_and_seconds_per_km_or_mile() -> None:
    # 4:56 /km is 296 s per 1000 m.
    assert pace_parts(1000 / 296, "metric") == ("4:56", "/km")
    # The same speed per mile: 296 * 1.609344 = 476.4 s = 7:56.
    assert pace_parts(1000 / 296, "imperial") == ("7:56", "/mi")
    assert pace_parts(0.0, "metric")[1] == ""


def test_speed_is_km_per_hour_or_mph() -> None:
    assert speed_parts(10.0, "metric") == ("36.0", "km/h")
    assert speed_parts(10.0, "imperial") == ("22.4", "mph")


def test_foot_sports_get_pace_and_rides_get_speed() -> None:
    assert pace_or_speed_parts(3.0, "run", "metric") == ("5:33", "/km")
    assert pace_or_speed_parts(3.0, "hike", "metric")[1] == "/km"
    assert pace_or_speed_parts(8.0, "ride", "metric") == ("28.8", "km/h")
    assert pace_or_speed_parts(8.0, "virtual_ride", "imperial")[1] == "mph"


def test_elevation_is_whole_metres_or_feet() -> None:
    assert elevation_parts(284.6, "metric") == ("285", "m")
    assert elevation_parts(1254, "imperial") == ("4,114", "ft")


@pytest.mark.parametrize(
    ("day", "said"),
    [
        (date(2026, 5, 14), "today"),
        (date(2026, 5, 13), "yesterday"),
        (date(2026, 5, 12), "Tue 12 May"),
        (date(2025, 5, 14), "Wed 14 May 2025"),
    ],
)
def test_recent_days_are_named_as_people_say_them(day: date, said: str) -> None:
    assert day_text(day, today=date(2026, 5, 14)) == said

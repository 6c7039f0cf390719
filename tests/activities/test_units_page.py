"""Figures as pages print them, at a person's precision, in the viewer's units."""

from __future__ import annotations

from datetime import date

import pytest

from saathi.activities.sports import shows_pace
from saathi.activities.templatetags.units import distance
from saathi.units import (
    Units,
    day_text,
    distance_parts,
    duration_text,
    elevation_parts,
    pace_or_speed_parts,
    pace_parts,
    speed_parts,
)


def test_distances_have_two_decimals_in_km_or_miles() -> None:
    assert distance_parts(12_345.6789, Units.METRIC) == ("12.35", "km")
    assert distance_parts(1609.344 * 26.2, Units.IMPERIAL) == ("26.20", "mi")
    assert distance_parts(None, Units.METRIC)[1] == ""


def test_durations_read_like_a_stopwatch() -> None:
    assert duration_text(3723) == "1:02:03"
    assert duration_text(2530.4) == "42:10"
    assert duration_text(59.6) == "1:00"
    assert duration_text(36 * 3600 + 5) == "36:00:05"


def test_pace_is_minutes_and_seconds_per_km_or_mile() -> None:
    # 4:56 /km is 296 s per 1000 m.
    assert pace_parts(1000 / 296, Units.METRIC) == ("4:56", "/km")
    # The same speed per mile: 296 * 1.609344 = 476.4 s = 7:56.
    assert pace_parts(1000 / 296, Units.IMPERIAL) == ("7:56", "/mi")
    assert pace_parts(0.0, Units.METRIC)[1] == ""


def test_speed_is_km_per_hour_or_mph() -> None:
    assert speed_parts(10.0, Units.METRIC) == ("36.0", "km/h")
    assert speed_parts(10.0, Units.IMPERIAL) == ("22.4", "mph")


def test_foot_sports_get_pace_and_rides_get_speed() -> None:
    assert pace_or_speed_parts(3.0, Units.METRIC, pace=shows_pace("run")) == ("5:33", "/km")
    assert pace_or_speed_parts(3.0, Units.METRIC, pace=shows_pace("hike"))[1] == "/km"
    assert pace_or_speed_parts(8.0, Units.METRIC, pace=shows_pace("ride")) == ("28.8", "km/h")
    assert pace_or_speed_parts(8.0, Units.IMPERIAL, pace=shows_pace("virtual_ride"))[1] == "mph"


def test_elevation_is_whole_metres_or_feet() -> None:
    assert elevation_parts(284.6, Units.METRIC) == ("285", "m")
    assert elevation_parts(1254, Units.IMPERIAL) == ("4,114", "ft")


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


def test_a_units_setting_is_parsed_into_units_and_nonsense_is_refused() -> None:
    assert Units.parse("imperial") is Units.IMPERIAL
    assert Units.parse("metric") is Units.METRIC
    with pytest.raises(ValueError, match="not a units setting"):
        Units.parse("furlongs")


def test_a_template_filter_refuses_a_setting_name_in_place_of_units() -> None:
    assert distance(1609.344, Units.IMPERIAL) == '1.00<span class="unit">mi</span>'
    with pytest.raises(TypeError):
        distance(1609.344, "imperial")  # type: ignore[arg-type]

"""The local time zone of an activity: from its start, the device's offset, or a default."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from saathi.tracks.timezones import local_timezone, timezone_at, zone_for_offset
from saathi.tracks.track import Track


def _track(lat: list[float], lon: list[float], *, local_offset_s: float | None = None) -> Track:
    channels = Track.empty_channels(len(lat))
    channels["time"] = 1_700_000_000.0 + np.arange(len(lat), dtype=float)
    channels["lat"] = np.array(lat, dtype=float)
    channels["lon"] = np.array(lon, dtype=float)
    return Track(format="gpx", local_offset_s=local_offset_s, **channels)


@pytest.mark.parametrize(
    ("lat", "lon", "zone"),
    [
        (34.198, 74.364, "Asia/Kolkata"),  # Baramulla
        (51.5074, -0.1278, "Europe/London"),
        (40.7128, -74.0060, "America/New_York"),
        (-33.8688, 151.2093, "Australia/Sydney"),
        (27.7172, 85.3240, "Asia/Kathmandu"),
    ],
)
def test_it_finds_the_zone_of_a_city(lat: float, lon: float, zone: str) -> None:
    assert timezone_at(lat, lon) == zone


def test_it_gives_no_zone_for_a_point_that_is_not_one() -> None:
    assert timezone_at(float("nan"), 10.0) is None
    assert timezone_at(95.0, 10.0) is None


@pytest.mark.parametrize(
    ("offset_s", "hours"),
    [(7200, 2), (-18000, -5), (19800, 5.5), (20700, 5.75), (0, 0), (50400, 14), (-43200, -12)],
)
def test_a_device_offset_becomes_a_zone_with_that_offset(offset_s: float, hours: float) -> None:
    zone = zone_for_offset(offset_s)
    assert zone is not None
    moment = datetime(2024, 1, 15, tzinfo=UTC)
    assert moment.astimezone(ZoneInfo(zone)).utcoffset() == timedelta(hours=hours)
    summer = datetime(2024, 7, 15, tzinfo=UTC)  # a fixed offset must not move in summer
    assert summer.astimezone(ZoneInfo(zone)).utcoffset() == timedelta(hours=hours)


def test_an_offset_no_zone_keeps_all_year_gives_none() -> None:
    assert zone_for_offset(3.5 * 3600) is None  # Iran's, which kept summer time until 2022
    assert zone_for_offset(15 * 3600) is None


def test_the_start_point_wins_over_the_device_offset() -> None:
    track = _track([float("nan"), 34.198, 34.2], [float("nan"), 74.364, 74.3], local_offset_s=0)
    assert local_timezone(track) == "Asia/Kolkata"


def test_without_a_position_the_device_offset_is_used() -> None:
    track = _track([float("nan")] * 3, [float("nan")] * 3, local_offset_s=19800)
    assert local_timezone(track) == "Asia/Kolkata"


def test_without_position_or_offset_the_default_is_used() -> None:
    track = _track([float("nan")] * 3, [float("nan")] * 3)
    assert local_timezone(track) == "UTC"
    assert local_timezone(track, default="Europe/Berlin") == "Europe/Berlin"

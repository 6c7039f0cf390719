"""The local time zone of an activity, found offline.

Days, weeks and streaks use the activity's local date, so the zone matters: a 6 am run
in Srinagar is 00:30 UTC and belongs to that morning, not to the UTC day before. The
start point is the best witness (tzfpy's polygons of the IANA zones, no network);
then the device's own clock offset; then the caller's default, the user's home zone.
"""

from __future__ import annotations

import math

import numpy as np
import tzfpy

from saathi.tracks.track import Track

# Zones for offsets that are not whole hours (Etc/GMT±N has only whole hours). Each is
# a zone that kept that offset all year, so the device's offset maps to it without
# inventing summer time.
_FRACTIONAL_OFFSET_ZONES = {
    -9 * 60 - 30: "Pacific/Marquesas",
    4 * 60 + 30: "Asia/Kabul",
    5 * 60 + 30: "Asia/Kolkata",
    5 * 60 + 45: "Asia/Kathmandu",
    6 * 60 + 30: "Asia/Yangon",
    8 * 60 + 45: "Australia/Eucla",
    9 * 60 + 30: "Australia/Darwin",
}


def timezone_at(lat: float, lon: float) -> str | None:
    """The IANA zone at a point ("Asia/Kolkata"); None for a point that is not one."""
    if not (math.isfinite(lat) and math.isfinite(lon)) or abs(lat) > 90 or abs(lon) > 180:
        return None
    # tzfpy takes longitude first. At sea it answers with the nautical Etc/GMT±N zone.
    name = tzfpy.get_tz(lon, lat)
    return name or None


def zone_for_offset(offset_s: float) -> str | None:
    """A zone that zoneinfo knows with this fixed UTC offset, or None if there is none.

    Etc/GMT-2 is UTC+2: the POSIX sign convention of those names is inverted.
    """
    if not math.isfinite(offset_s):
        return None
    # Device clocks are set to the minute; round to the quarter hour the world uses.
    minutes = round(offset_s / 900) * 15
    if not -12 * 60 <= minutes <= 14 * 60:
        return None
    if minutes == 0:
        return "UTC"
    if minutes % 60 == 0:
        hours = minutes // 60
        return f"Etc/GMT{-hours:+d}"
    return _FRACTIONAL_OFFSET_ZONES.get(minutes)


def local_timezone(track: Track, *, default: str = "UTC") -> str:
    """The track's zone: from its first position, else its device offset, else default."""
    has_fix = np.isfinite(track.lat) & np.isfinite(track.lon)
    if has_fix.any():
        first = int(np.argmax(has_fix))
        zone = timezone_at(float(track.lat[first]), float(track.lon[first]))
        if zone:
            return zone
    if track.local_offset_s is not None:
        zone = zone_for_offset(track.local_offset_s)
        if zone:
            return zone
    return default

"""Privacy zones: which part of a recording others may see.

Only an activity's ends are hidden, never a passage through a zone in the middle: from
the start, the samples inside any zone are skipped, then a further stretch along the
route; the same from the end. What is left is one contiguous span of samples, and
everything anyone but the owner receives is built from it.

Why the circles are not where the person put them (ALGORITHMS.md, "Privacy zones"):
fitting a circle to the visible ends of a few activities finds the centre of any fixed
circle (Hassan et al., USENIX Security 2018; Mink et al., CHI 2022). So each zone is
drawn once, at random, around the point given (`draw_zone`), and each activity hides
a further random stretch beyond the zone's edge (`draw_trim`). Both are stored, never
drawn again for the same zone or activity: fresh draws each time would average out
on the point.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from saathi.tracks.geo import EARTH_RADIUS_M, haversine_m
from saathi.tracks.track import CHANNELS, FloatArray, Track

BoolArray = npt.NDArray[np.bool_]

MIN_RADIUS_M = 200.0
MAX_RADIUS_M = 1600.0
# Strava's own default hides 200 m at each end; a fixed length is found by the fit as
# surely as a fixed circle, so each activity draws its own between these.
TRIM_M = (200.0, 500.0)
# The circle's centre moves by 1-1.5 times this, in a random direction: half the given
# radius, and never less than OFFSET_FLOOR_M...
OFFSET_SHARE = 0.5
OFFSET_FLOOR_M = 300.0
OFFSET_SPREAD = (1.0, 1.5)
# ...and its radius is that offset plus 0.75-1 of the given radius.
MARGIN_SHARE = (0.75, 1.0)
# Why these numbers. This code is public, so assume the attacker knows them.
# - A fit of the visible ends finds the drawn centre C, not the given point P; what is
#   left to guess is where P lies around C: anywhere on a ring, in any direction, so no
#   single guess is good, and C itself is always at least the offset away.
# - Averaging the visible ends lands about half-way between C and P, not on C: routes
#   leave P in every direction, so they cross the circle more densely on P's side. With
#   an offset of at least 300 m the average stays over 100 m from P even for the
#   smallest zone (tests/tracks/test_privacy_zones_resist_circle_fitting.py: the fit
#   lands 280+ m away, the average 130+ m, over many draws); half the radius keeps the
#   ring as wide, relative to the circle, for the larger ones.
# - The radius is the offset plus at least three quarters of the asked radius, so P is
#   at least that deep inside: the place is hidden at least about as widely as asked
#   (the smallest zone draws a circle of 450-650 m, a 1.6 km one of 2-2.8 km).

Span = tuple[int, int]


@dataclass(frozen=True)
class Zone:
    """A circle as drawn and stored: what the cut uses. Never the given point."""

    lat: float
    lon: float
    radius_m: float


def draw_zone(lat: float, lon: float, radius_m: float, rng: np.random.Generator) -> Zone:
    """The circle that hides the point (lat, lon) asked with `radius_m` (200-1,600 m)."""
    if not MIN_RADIUS_M <= radius_m <= MAX_RADIUS_M:
        raise ValueError(f"a zone's radius is {MIN_RADIUS_M:.0f}-{MAX_RADIUS_M:.0f} m")
    offset = max(OFFSET_FLOOR_M, OFFSET_SHARE * radius_m) * float(rng.uniform(*OFFSET_SPREAD))
    margin = radius_m * float(rng.uniform(*MARGIN_SHARE))
    bearing = float(rng.uniform(0.0, 2 * math.pi))
    centre_lat, centre_lon = destination(lat, lon, bearing, offset)
    return Zone(centre_lat, centre_lon, offset + margin)


def draw_trim(rng: np.random.Generator) -> float:
    """Metres hidden along the route beyond the zone edge (or the first point), one end."""
    return float(rng.uniform(*TRIM_M))


def destination(lat: float, lon: float, bearing: float, metres: float) -> tuple[float, float]:
    """The point `metres` from (lat, lon) along `bearing` (radians from north)."""
    phi, lam, delta = math.radians(lat), math.radians(lon), metres / EARTH_RADIUS_M
    phi2 = math.asin(
        math.sin(phi) * math.cos(delta) + math.cos(phi) * math.sin(delta) * math.cos(bearing)
    )
    lam2 = lam + math.atan2(
        math.sin(bearing) * math.sin(delta) * math.cos(phi),
        math.cos(delta) - math.sin(phi) * math.sin(phi2),
    )
    return math.degrees(phi2), (math.degrees(lam2) + 540.0) % 360.0 - 180.0


def along_route_m(lat: FloatArray, lon: FloatArray) -> FloatArray:
    """Metres along the fixes from the first sample, carried over samples without one."""
    n = lat.size
    along = np.zeros(n)
    fix = np.isfinite(lat) & np.isfinite(lon)
    fixes = np.flatnonzero(fix)
    if fixes.size < 2:
        return along
    steps = haversine_m(lat[fixes[:-1]], lon[fixes[:-1]], lat[fixes[1:]], lon[fixes[1:]])
    at_fixes = np.concatenate([[0.0], np.cumsum(steps)])
    # Each sample takes the distance of the last fix at or before it.
    last_fix = np.maximum.accumulate(np.where(fix, np.arange(n), 0))
    along[:] = at_fixes[np.searchsorted(fixes, last_fix)]
    return along


def inside_any(lat: FloatArray, lon: FloatArray, zones: list[Zone]) -> BoolArray:
    inside = np.zeros(lat.size, dtype=bool)
    for zone in zones:
        inside |= haversine_m(zone.lat, zone.lon, lat, lon) <= zone.radius_m
    return inside


def visible_span(
    lat: FloatArray,
    lon: FloatArray,
    along_m: FloatArray,
    zones: list[Zone],
    *,
    hide_ends: bool,
    trim_start_m: float,
    trim_end_m: float,
) -> Span | None:
    """The first and last sample (inclusive) others may see, or None when nothing is.

    `along_m` is the distance along the route at each sample, never decreasing. A
    track without a single fix tells nothing of where it was: all of it is visible.
    A sample without a fix counts as inside (where it was is unknown), so a track
    that starts before the GPS found itself is still cut from its first fix outside.
    """
    n = lat.size
    if n == 0:
        return None
    fix = np.isfinite(lat) & np.isfinite(lon)
    if not fix.any():
        return 0, n - 1
    along = np.fmax.accumulate(np.where(np.isfinite(along_m), along_m, -np.inf))
    along = np.where(np.isfinite(along), along, 0.0)
    inside = ~fix | inside_any(lat, lon, zones)
    first = _first_visible(inside, along, hide_ends=hide_ends, trim_m=trim_start_m)
    back = _first_visible(
        inside[::-1], along[-1] - along[::-1], hide_ends=hide_ends, trim_m=trim_end_m
    )
    if first is None or back is None:
        return None
    last = n - 1 - back
    return (first, last) if first < last else None


def _first_visible(
    inside: BoolArray, along: FloatArray, *, hide_ends: bool, trim_m: float
) -> int | None:
    """The first sample outside every zone and at least `trim_m` along the route past
    the last sample hidden before it.

    The trim is measured from the first sample out of a zone (its edge), or from the
    first sample when only `hide_ends` hides this end. A route that goes back into a
    zone within the trim starts its trim again from where it leaves.
    """
    n = inside.size
    if not inside[0] and not hide_ends:
        return 0
    index = np.arange(n)
    # Where each hidden stretch ends: the sample after an inside one, or the first.
    after_inside = np.concatenate([[False], inside[:-1]]) & ~inside
    edge = after_inside.copy()
    edge[0] = edge[0] or (hide_ends and not inside[0])
    last_edge = np.maximum.accumulate(np.where(edge, index, -1))
    reached = (last_edge >= 0) & ~inside
    past = along - along[np.maximum(last_edge, 0)]
    found = np.flatnonzero(reached & (past >= trim_m))
    return int(found[0]) if found.size else None


def visible_part(track: Track, span: Span) -> Track:
    """The samples of `span` as a Track of their own, for charts and downloads."""
    first, last = span
    times = track.time[first : last + 1]
    finite = times[np.isfinite(times)]
    start, end = (float(finite[0]), float(finite[-1])) if finite.size else (0.0, -1.0)
    channels = {channel: getattr(track, channel)[first : last + 1].copy() for channel in CHANNELS}
    return replace(
        track,
        **channels,
        breaks=[b - first for b in track.breaks if first < b <= last],
        pauses=[(a, b) for a, b in track.pauses if b > start and a < end],
        laps=[],
        sessions=[],
        totals=None,
        warnings=[],
        name=None,
    )

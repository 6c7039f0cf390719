"""What the activity page draws: the route for the map, and a series per chart.

Series are in the viewer's units and cut to at most MAX_POINTS points each by LTTB,
so a 100,000-point ride sends the browser a few hundred kilobytes, not megabytes.
Each chart also gets a sentence for people who cannot see it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.core.cache import cache

from saathi.activities.models import Activity, ActivityStreams
from saathi.activities.sports import FIT_NAMES, Sport
from saathi.activities.templatetags.units import (
    FOOT_M,
    KM_M,
    MILE_M,
    elevation_parts,
    imperial,
    pace_parts,
    shows_pace,
    speed_parts,
    text,
)
from saathi.tracks.distance import cumulative_distance
from saathi.tracks.downsample import IntArray, lttb, lttb_many
from saathi.tracks.sports import limits_for
from saathi.tracks.timing import off_steps
from saathi.tracks.track import FloatArray, Track

MAX_POINTS = 1000
# Cutting a 100,000-point ride's series costs ~100 ms of CPU; a second view costs none.
CACHE_SECONDS = 7 * 86400
CACHE_VERSION = 1  # raise when the shape of Charts changes
# Enough for the route to look smooth at city zoom; stride-sampled, the map needs no peaks.
MAP_POINTS = 2000
# Speed from samples is noisy at 1 Hz; a 10 s window is what watches show as "current".
SPEED_WINDOW_S = 10.0
# Slower than this is standing, not a pace: 30 min/km would flatten the rest of the chart.
SLOWEST_PACE_MPS = 1000 / 1800


@dataclass
class Series:
    key: str
    label: str
    unit: str
    x: list[float]
    y: list[float]
    summary: str
    pace: bool = False  # y is seconds per km or mile; drawn fastest at the top
    # Every sample, until _cut_all keeps the points worth drawing in x and y.
    raw: FloatArray | None = field(default=None, repr=False)

    def as_json(self) -> dict[str, Any]:
        keep = ("key", "label", "unit", "x", "y", "summary", "pace")
        return {name: getattr(self, name) for name in keep}


@dataclass
class Charts:
    axis: str  # "distance" or "time"
    axis_unit: str  # "km", "mi" or "s"
    series: list[Series] = field(default_factory=list)
    route: dict[str, list[float]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        # Not dataclasses.asdict: it deep-copies every list of a thousand numbers.
        return {
            "axis": self.axis,
            "axis_unit": self.axis_unit,
            "series": [series.as_json() for series in self.series],
            "route": self.route,
        }


def charts_for(activity: Activity, units: str) -> Charts | None:
    """The activity's charts and route, from the cache when this view was drawn before.

    Streams never change after an import, but the sport (pace or speed) and the units
    can: both are in the key, with the activity's last change.
    """
    if not activity.points:
        return None
    key = f"activity-charts:{CACHE_VERSION}:{activity.pk}:{activity.updated.timestamp()}:{units}"
    charts: Charts | None = cache.get(key)
    if charts is None:
        track = load_track(activity)
        if track is None:
            return None
        charts = activity_charts(activity, track, units)
        cache.set(key, charts, CACHE_SECONDS)
    return charts


def load_track(activity: Activity) -> Track | None:
    """The stored samples, or None for an entry with no file."""
    streams = ActivityStreams.objects.filter(activity=activity).first()
    if streams is None:
        return None
    streams.activity = activity
    return streams.load()


def activity_charts(activity: Activity, track: Track, units: str) -> Charts:
    metres = _metres_along(activity, track)
    if metres is not None and metres[-1] > 0:
        unit_m, unit = (MILE_M, "mi") if imperial(units) else (KM_M, "km")
        charts = Charts(axis="distance", axis_unit=unit)
        x = metres / unit_m
    else:
        charts = Charts(axis="time", axis_unit="s")
        x = _seconds_from_start(track)
    found = [s for s in _all_series(activity, track, x, metres, units) if s is not None]
    _cut_all(x, found)
    charts.series = [s for s in found if s.x]
    charts.route = _route(track, x)
    return charts


def _metres_along(activity: Activity, track: Track) -> FloatArray | None:
    sport, sub_sport = FIT_NAMES[Sport(activity.sport)]
    found = cumulative_distance(track, limits_for(sport, sub_sport), off_steps(track, []))
    return None if found is None else np.maximum.accumulate(found[0])


def _seconds_from_start(track: Track) -> FloatArray:
    time = track.time
    finite = np.isfinite(time)
    if not finite.any():
        return np.arange(len(track), dtype=float)
    first = time[finite][0]
    clock = np.where(finite, time - first, np.nan)
    # A clock that steps back must not make the axis run backwards.
    return np.fmax.accumulate(clock)


def _all_series(
    activity: Activity, track: Track, x: FloatArray, metres: FloatArray | None, units: str
) -> list[Series | None]:
    return [
        _elevation(track, x, units) if activity.has_altitude else None,
        _pace_or_speed(activity, track, x, metres, units),
        _simple(x, track.heart_rate, "hr", "Heart rate", "bpm", activity.avg_hr)
        if activity.has_hr
        else None,
        _simple(x, track.cadence, "cadence", "Cadence", "rpm", activity.avg_cadence)
        if activity.has_cadence
        else None,
        _simple(x, track.power, "power", "Power", "W", activity.avg_power)
        if activity.has_power
        else None,
    ]


def _cut(key: str, label: str, unit: str, x: FloatArray, y: FloatArray) -> Series:
    return Series(key=key, label=label, unit=unit, x=[], y=[], summary="", raw=y)


def _cut_all(x: FloatArray, series: list[Series]) -> None:
    """Keep at most MAX_POINTS of each series: the gapless ones in one LTTB pass."""
    whole = [s for s in series if s.raw is not None and np.isfinite(s.raw).all()]
    if not np.isfinite(x).all() or len(whole) < 2:
        whole = []
    picked: dict[str, IntArray] = {}
    if whole:
        rows = lttb_many(x, np.stack([s.raw for s in whole if s.raw is not None]), MAX_POINTS)
        picked = {s.key: row for s, row in zip(whole, rows, strict=True)}
    for one in series:
        if one.raw is None:
            continue
        index = picked[one.key] if one.key in picked else lttb(x, one.raw, MAX_POINTS)
        one.x = np.round(x[index], 4).tolist()
        one.y = np.round(one.raw[index], 1).tolist()
        one.raw = None


def _elevation(track: Track, x: FloatArray, units: str) -> Series | None:
    alt = track.alt / FOOT_M if imperial(units) else track.alt
    if not np.isfinite(alt).any():
        return None
    series = _cut("elevation", "Elevation", "ft" if imperial(units) else "m", x, alt)
    low, high = np.nanmin(track.alt), np.nanmax(track.alt)
    series.summary = (
        f"Elevation between {text(elevation_parts(float(low), units))} "
        f"and {text(elevation_parts(float(high), units))}."
    )
    return series


def _pace_or_speed(
    activity: Activity, track: Track, x: FloatArray, metres: FloatArray | None, units: str
) -> Series | None:
    mps = _speed(track, metres)
    if mps is None:
        return None
    average = activity.avg_speed_mps
    top = float(np.nanmax(mps)) if np.isfinite(mps).any() else None
    if shows_pace(activity.sport):
        unit_m = MILE_M if imperial(units) else KM_M
        moving = np.where(mps >= SLOWEST_PACE_MPS, mps, np.nan)
        series = _cut("pace", "Pace", "/mi" if imperial(units) else "/km", x, unit_m / moving)
        series.pace = True
        series.summary = (
            f"Average pace {text(pace_parts(average, units))}; "
            f"fastest {text(pace_parts(top, units))}."
        )
        return series
    factor = 3600 / MILE_M if imperial(units) else 3.6
    series = _cut("speed", "Speed", "mph" if imperial(units) else "km/h", x, mps * factor)
    series.summary = (
        f"Average speed {text(speed_parts(average, units))}; "
        f"top speed {text(speed_parts(top, units))}."
    )
    return series


def _speed(track: Track, metres: FloatArray | None) -> FloatArray | None:
    """Metres per second per sample: the device's own when it wrote one, else from the
    distance over a window centred on each sample."""
    if track.has("speed"):
        return track.speed
    time = track.time
    if metres is None or np.isfinite(time).sum() < 2:
        return None
    finite = np.isfinite(time)
    t = np.fmax.accumulate(np.where(finite, time, -np.inf))
    half = SPEED_WINDOW_S / 2
    ahead = np.interp(t + half, t, metres)
    behind = np.interp(t - half, t, metres)
    span = np.minimum(t + half, t[-1]) - np.maximum(t - half, t[finite][0])
    speed: FloatArray = np.divide(
        ahead - behind, span, out=np.full(t.size, np.nan), where=finite & (span > 0)
    )
    return speed


def _simple(
    x: FloatArray, y: FloatArray, key: str, label: str, unit: str, average: float | None
) -> Series | None:
    if not np.isfinite(y).any():
        return None
    series = _cut(key, label, unit, x, y)
    top = float(np.nanmax(y))
    said = f"averaged {average:.0f} {unit}, " if average else ""
    series.summary = f"{label} {said}highest {top:.0f} {unit}."
    return series


def _route(track: Track, x: FloatArray) -> dict[str, list[float]]:
    fixes = np.flatnonzero(np.isfinite(track.lat) & np.isfinite(track.lon) & np.isfinite(x))
    if fixes.size == 0:
        return {}
    step = max(1, math.ceil(fixes.size / MAP_POINTS))
    index = fixes[::step]
    if index[-1] != fixes[-1]:
        index = np.append(index, fixes[-1])
    return {
        "lat": np.round(track.lat[index], 5).tolist(),
        "lon": np.round(track.lon[index], 5).tolist(),
        "x": np.round(x[index], 4).tolist(),
    }


def route_svg_path(track: Track, width: float = 120, height: float = 80, points: int = 80) -> str:
    """A route's shape as an SVG path for small cards, north up, fitted to the box."""
    fixes = np.flatnonzero(np.isfinite(track.lat) & np.isfinite(track.lon))
    if fixes.size < 2:
        return ""
    index = fixes[:: max(1, math.ceil(fixes.size / points))]
    lat, lon = track.lat[index], track.lon[index]
    # Equirectangular: a degree of longitude shrinks with the cosine of the latitude.
    east = (lon - lon.min()) * math.cos(math.radians(float(np.mean(lat))))
    north = lat - lat.min()
    span = max(float(east.max()), float(north.max()), 1e-9)
    scale = min(width, height) * 0.9 / span
    dx = (width - float(east.max()) * scale) / 2
    dy = (height - float(north.max()) * scale) / 2
    xs, ys = dx + east * scale, height - (dy + north * scale)
    steps = " ".join(f"{a:.1f},{b:.1f}" for a, b in zip(xs, ys, strict=True))
    # After "M", further pairs are straight lines: no "L" needed.
    return f"M{steps}"

"""What the activity page draws: the route for the map, and a series per chart.

The points worth drawing are picked once, from the stored samples, when an activity is
imported or its sport changes (`chart_picks`): each series cut to at most MAX_POINTS
points by LTTB, the route stride-sampled, all in SI units and packed beside the streams
(ActivityStreams.picks, 12 KB on average, 25 KB for 100,000 points). A view only
converts the picks to the viewer's units (`charts_for`): it never unpacks the streams or
runs LTTB, so a 100,000-point ride draws about as fast as a short run. Each chart also
gets a sentence for people who cannot see it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from saathi.activities.models import Activity, ActivityStreams
from saathi.activities.sports import FIT_NAMES, Sport, shows_pace
from saathi.activities.streams import pack_columns, unpack_columns
from saathi.tracks.distance import cumulative_distance
from saathi.tracks.downsample import IntArray, lttb, lttb_many
from saathi.tracks.sports import limits_for
from saathi.tracks.timing import off_steps
from saathi.tracks.track import FloatArray, Track
from saathi.units import KM_M, Units, elevation_parts, pace_parts, speed_parts, text

MAX_POINTS = 1000
# Enough for the route to look smooth at city zoom; stride-sampled, the map needs no peaks.
MAP_POINTS = 2000
# Speed from samples is noisy at 1 Hz; a 10 s window is what watches show as "current".
SPEED_WINDOW_S = 10.0
# Slower than this is standing, not a pace: 30 min/km would flatten the rest of the chart.
SLOWEST_PACE_MPS = 1000 / 1800
# Raise when what chart_picks stores changes: older picks are then made again at a view.
PICKS_VERSION = 1
# Stored steps per SI unit: finer than the page shows (0.1 of its unit, 4 decimals of
# a km or mile, 5 of a degree), so converting and rounding gives what the samples give.
X_SCALES = {"distance": 100.0, "time": 1000.0}  # cm, ms
Y_SCALES = {
    "elevation": 100.0,  # cm
    "speed": 1000.0,  # mm/s
    "pace": 1e6,  # µs per metre: 0.001 s per km
    "hr": 10.0,
    "cadence": 10.0,
    "power": 10.0,
}
DEGREE_SCALE = 1e5


@dataclass
class Series:
    key: str
    label: str
    unit: str
    x: list[float]
    y: list[float]
    summary: str
    pace: bool = False  # y is seconds per km or mile; drawn fastest at the top

    def as_json(self) -> dict[str, Any]:
        keep = ("key", "label", "unit", "x", "y", "summary", "pace")
        return {name: getattr(self, name) for name in keep}


@dataclass
class Charts:
    axis: str  # "distance" or "time"
    axis_unit: str  # "km", "mi" or "s"
    series: list[Series] = field(default_factory=list)
    route: dict[str, list[float]] = field(default_factory=dict)
    # For the owner only: the part of the route others see (activities/privacy.py).
    visible: dict[str, list[float]] | None = None

    def as_json(self) -> dict[str, Any]:
        # Not dataclasses.asdict: it deep-copies every list of a thousand numbers.
        found = {
            "axis": self.axis,
            "axis_unit": self.axis_unit,
            "series": [series.as_json() for series in self.series],
            "route": self.route,
        }
        if self.visible is not None:
            found["visible"] = self.visible
        return found


@dataclass
class Picked:
    """One series as stored: x in metres or seconds, y in SI units (pace in seconds per
    metre), and the figures its summary names (top, low, high) over every sample."""

    key: str
    facts: dict[str, float]
    # Every sample in metric display units (km/h, s/km), until _cut_all picks x and y.
    shown: FloatArray | None = field(default=None, repr=False)
    x: FloatArray = field(default_factory=lambda: np.empty(0))
    y: FloatArray = field(default_factory=lambda: np.empty(0))


@dataclass
class Picks:
    axis: str  # "distance" (x in metres) or "time" (x in seconds)
    sport: str  # the sport they were picked for: pace or speed, and the distance limits
    series: list[Picked]
    route: dict[str, FloatArray]  # lat, lon and x

    def pack(self) -> bytes:
        x_scale = X_SCALES[self.axis]
        columns: dict[str, tuple[FloatArray, float]] = {}
        if self.route:
            columns["route.lat"] = (self.route["lat"], DEGREE_SCALE)
            columns["route.lon"] = (self.route["lon"], DEGREE_SCALE)
            columns["route.x"] = (self.route["x"], x_scale)
        for one in self.series:
            columns[f"{one.key}.x"] = (one.x, x_scale)
            columns[f"{one.key}.y"] = (one.y, Y_SCALES[one.key])
        facts = [{"key": one.key, **one.facts} for one in self.series]
        header = {"picks": PICKS_VERSION, "axis": self.axis, "sport": self.sport, "series": facts}
        return pack_columns(columns, header)

    @classmethod
    def unpack(cls, data: bytes) -> Picks | None:
        """The picks, or None when they were stored in an older shape."""
        header, columns = unpack_columns(data)
        if header.get("picks") != PICKS_VERSION:
            return None
        series = [
            Picked(
                key=facts["key"],
                facts={k: v for k, v in facts.items() if k != "key"},
                x=columns.get(f"{facts['key']}.x", np.empty(0)),
                y=columns.get(f"{facts['key']}.y", np.empty(0)),
            )
            for facts in header["series"]
        ]
        names = ("lat", "lon", "x")
        route = {n: columns[f"route.{n}"] for n in names} if "route.x" in columns else {}
        return cls(axis=header["axis"], sport=header["sport"], series=series, route=route)


def charts_for(activity: Activity, units: Units) -> Charts | None:
    """The activity's charts and whole route in the viewer's units, from its stored
    picks: what its owner sees. Pages go through privacy.charts_seen_by, which gives
    anyone else the visible part only."""
    if not activity.points:
        return None
    picks = stored_picks(activity)
    return None if picks is None else draw(activity, picks, units)


def stored_picks(activity: Activity, streams: ActivityStreams | None = None) -> Picks | None:
    """The picks saved with the activity's streams; None for an entry with no file.

    Activities imported before picks were stored, or whose sport changed behind
    Activity.edit's back, get theirs made now from the streams, and saved. Pass the
    streams row when it is already loaded (without its data).
    """
    if streams is None:
        streams = ActivityStreams.objects.defer("data").filter(activity=activity).first()
    if streams is None:
        return None
    picks = Picks.unpack(bytes(streams.picks)) if streams.picks is not None else None
    if picks is None or picks.sport != activity.sport:
        streams.refresh_from_db(fields=["data"])
        streams.activity = activity
        streams.picks = chart_picks(activity, streams.load())
        streams.save(update_fields=["picks", *draw_previews(streams)])
        picks = Picks.unpack(streams.picks)
    return picks


def chart_picks(activity: Activity, track: Track) -> bytes:
    """What the page will draw of `track` under the activity's sport, packed for
    ActivityStreams.picks.

    Pass the samples as stored (ActivityStreams.load), so that picks made at import
    are the ones a later recompute would make.
    """
    metres = _metres_along(activity, track)
    if metres is not None and metres[-1] > 0:
        axis, x = "distance", metres
    else:
        axis, x = "time", _seconds_from_start(track)
    found = [s for s in _all_series(activity, track, metres) if s is not None]
    _cut_all(x, found, axis)
    series = [s for s in found if s.x.size]
    return Picks(axis=axis, sport=activity.sport, series=series, route=_route(track, x)).pack()


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


def _all_series(activity: Activity, track: Track, metres: FloatArray | None) -> list[Picked | None]:
    return [
        _top_and_bottom("elevation", track.alt) if activity.has_altitude else None,
        _pace_or_speed(activity, track, metres),
        _with_top("hr", track.heart_rate) if activity.has_hr else None,
        _with_top("cadence", track.cadence) if activity.has_cadence else None,
        _with_top("power", track.power) if activity.has_power else None,
    ]


def _cut_all(x: FloatArray, series: list[Picked], axis: str) -> None:
    """Keep at most MAX_POINTS of each series: the gapless ones in one LTTB pass.

    LTTB keeps the same points at any scale but for ties (whole beats, whole
    centimetres), which rounding breaks one way or the other: the points are picked in
    the metric units the page showed (km, km/h, s/km) when it picked them at each view.
    """
    along = x / KM_M if axis == "distance" else x
    whole = [s for s in series if s.shown is not None and np.isfinite(s.shown).all()]
    if not np.isfinite(along).all() or len(whole) < 2:
        whole = []
    picked: dict[str, IntArray] = {}
    if whole:
        rows = lttb_many(
            along, np.stack([s.shown for s in whole if s.shown is not None]), MAX_POINTS
        )
        picked = {s.key: row for s, row in zip(whole, rows, strict=True)}
    for one in series:
        if one.shown is None:
            continue
        index = picked[one.key] if one.key in picked else lttb(along, one.shown, MAX_POINTS)
        one.x, one.y = x[index], one.shown[index] / _y_factor(one.key, Units.METRIC)
        one.shown = None


def _top_and_bottom(key: str, y: FloatArray) -> Picked | None:
    if not np.isfinite(y).any():
        return None
    return Picked(key, {"low": float(np.nanmin(y)), "high": float(np.nanmax(y))}, shown=y)


def _with_top(key: str, y: FloatArray) -> Picked | None:
    if not np.isfinite(y).any():
        return None
    return Picked(key, {"top": float(np.nanmax(y))}, shown=y)


def _pace_or_speed(activity: Activity, track: Track, metres: FloatArray | None) -> Picked | None:
    """Pace for foot sports and swims, picked on the pace itself: picks made on speed
    keep the fastest moments but follow a pace chart less closely (docs/performance.md)."""
    mps = _speed(track, metres)
    if mps is None:
        return None
    facts = {"top": float(np.nanmax(mps))} if np.isfinite(mps).any() else {}
    if shows_pace(activity.sport):
        moving = np.where(mps >= SLOWEST_PACE_MPS, mps, np.nan)
        return Picked("pace", facts, shown=KM_M / moving)
    return Picked("speed", facts, shown=mps * 3.6)


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


def _route(track: Track, x: FloatArray) -> dict[str, FloatArray]:
    fixes = np.flatnonzero(np.isfinite(track.lat) & np.isfinite(track.lon) & np.isfinite(x))
    if fixes.size == 0:
        return {}
    step = max(1, math.ceil(fixes.size / MAP_POINTS))
    index = fixes[::step]
    if index[-1] != fixes[-1]:
        index = np.append(index, fixes[-1])
    return {"lat": track.lat[index], "lon": track.lon[index], "x": x[index]}


# A series' label, unit and summary sentence, from its stored facts, in the viewer's units.
Describe = Callable[[Activity, dict[str, float], Units], Series]


def draw(activity: Activity, picks: Picks, units: Units) -> Charts:
    """The picks in the viewer's units: distances in km or miles, elevation in m or
    ft, pace per km or mile, speed in km/h or mph."""
    if picks.axis == "distance":
        unit, unit_m = units.distance_unit
        charts, x_unit = Charts(axis="distance", axis_unit=unit), unit_m
    else:
        charts, x_unit = Charts(axis="time", axis_unit="s"), 1.0
    for one in picks.series:
        series = _SERIES[one.key](activity, one.facts, units)
        series.x = np.round(one.x / x_unit, 4).tolist()
        series.y = np.round(one.y * _y_factor(one.key, units), 1).tolist()
        charts.series.append(series)
    if picks.route:
        charts.route = {
            "lat": np.round(picks.route["lat"], 5).tolist(),
            "lon": np.round(picks.route["lon"], 5).tolist(),
            "x": np.round(picks.route["x"] / x_unit, 4).tolist(),
        }
    return charts


def _y_factor(key: str, units: Units) -> float:
    """From the stored SI unit to the viewer's."""
    if key == "elevation":
        return 1 / units.elevation_unit[1]
    if key == "pace":  # seconds per metre to seconds per mile or km
        return units.pace_unit[1]
    if key == "speed":
        return units.speed_unit[1]
    return 1.0


def _elevation(activity: Activity, facts: dict[str, float], units: Units) -> Series:
    summary = (
        f"Elevation between {text(elevation_parts(facts['low'], units))} "
        f"and {text(elevation_parts(facts['high'], units))}."
    )
    return Series("elevation", "Elevation", units.elevation_unit[0], [], [], summary)


def _pace(activity: Activity, facts: dict[str, float], units: Units) -> Series:
    average, top = activity.avg_speed_mps, facts.get("top")
    summary = (
        f"Average pace {text(pace_parts(average, units))}; fastest {text(pace_parts(top, units))}."
    )
    return Series("pace", "Pace", units.pace_unit[0], [], [], summary, pace=True)


def _speed_series(activity: Activity, facts: dict[str, float], units: Units) -> Series:
    average, top = activity.avg_speed_mps, facts.get("top")
    summary = (
        f"Average speed {text(speed_parts(average, units))}; "
        f"top speed {text(speed_parts(top, units))}."
    )
    return Series("speed", "Speed", units.speed_unit[0], [], [], summary)


def _simple(key: str, label: str, unit: str, average_of: str) -> Describe:
    def series(activity: Activity, facts: dict[str, float], units: Units) -> Series:
        average: float | None = getattr(activity, average_of)
        said = f"averaged {average:.0f} {unit}, " if average else ""
        summary = f"{label} {said}highest {facts['top']:.0f} {unit}."
        return Series(key, label, unit, [], [], summary)

    return series


_SERIES: dict[str, Describe] = {
    "elevation": _elevation,
    "pace": _pace,
    "speed": _speed_series,
    "hr": _simple("hr", "Heart rate", "bpm", "avg_hr"),
    "cadence": _simple("cadence", "Cadence", "rpm", "avg_cadence"),
    "power": _simple("power", "Power", "W", "avg_power"),
}


def route_svg_path(
    lat: FloatArray, lon: FloatArray, width: float = 120, height: float = 80, points: int = 80
) -> str:
    """A route's shape as an SVG path for small cards, north up, fitted to the box."""
    fixes = np.flatnonzero(np.isfinite(lat) & np.isfinite(lon))
    if fixes.size < 2:
        return ""
    index = fixes[:: max(1, math.ceil(fixes.size / points))]
    lat, lon = lat[index], lon[index]
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


def route_preview(picks: bytes | memoryview | None) -> str:
    """The route in packed picks as a card's SVG path; "" when they hold none."""
    unpacked = Picks.unpack(bytes(picks)) if picks else None
    route = unpacked.route if unpacked is not None else {}
    return route_svg_path(route["lat"], route["lon"]) if route else ""


def draw_previews(streams: ActivityStreams) -> list[str]:
    """Draw the stored route previews from the streams' picks, the whole route for its
    owner and the visible part for everyone else; the names of the fields set, for
    `save(update_fields=...)`. Call it wherever picks or visible picks change."""
    streams.preview = route_preview(streams.picks)
    streams.visible_preview = route_preview(streams.visible_picks)
    return ["preview", "visible_preview"]

"""Everything Saathi computes from a Track's samples: the entry point of the figures.

`compute` never copies the device's totals (except calories, which no sample can
rebuild); callers keep `track.totals` beside these figures and show the device's first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from saathi.tracks.calories import calories
from saathi.tracks.distance import cumulative_distance
from saathi.tracks.efforts import best_efforts
from saathi.tracks.elevation import Elevation, elevation
from saathi.tracks.heart import Heart, heart, step_values
from saathi.tracks.moving import Moving, moving
from saathi.tracks.power import Power, power
from saathi.tracks.splits import KM_M, MILE_M, Running, Split, splits
from saathi.tracks.sports import Limits, limits_for
from saathi.tracks.timing import BoolArray, off_steps, stopped_intervals, timer_s
from saathi.tracks.track import CHANNELS, FloatArray, Totals, Track

__all__ = ["Figures", "Split", "compute"]

# No recording pauses for a month; a longer jump between two samples is corruption.
_IMPOSSIBLE_GAP_S = 30 * 86400.0


@dataclass
class Figures:
    totals: Totals
    altitude_source: str  # "barometric" | "gps" | "none": what the elevation method assumed
    elevation_method: str  # e.g. "1 Hz, 10 s mean, 3 m hysteresis"
    splits_km: list[Split]
    splits_mile: list[Split]
    best_efforts: dict[str, float]  # name -> seconds; foot sports only
    power_curve: dict[int, float]  # seconds -> best mean watts
    normalized_power: float | None
    hr_zones_s: list[float] | None  # seconds in zones 1..5
    trimp: float | None


@dataclass
class _Clocked:
    """What the samples with a time say: the base for every time figure."""

    track: Track
    off: BoolArray
    distance: FloatArray | None
    elevation: Elevation | None
    moving: Moving
    heart: Heart | None
    power: Power | None


def compute(
    track: Track,
    *,
    hr_max: float | None = None,
    hr_rest: float | None = None,
    weight_kg: float | None = None,
    sex: str | None = None,
) -> Figures:
    limits = limits_for(track.sport, track.sub_sport)
    timed = _timed(track)
    clocked = None if timed is None else _clock(timed, limits, hr_max, hr_rest, sex)
    if clocked is not None and not np.isnan(track.time).any():
        # Every point has a time (a corrupt one is left out with its sample).
        distance, height = clocked.distance, clocked.elevation
    else:
        # A route, or a file where only some points have a time: shape from every point.
        off = off_steps(track, [])
        found = cumulative_distance(track, limits, off)
        distance, height = (None if found is None else found[0]), elevation(track, off)
    totals = _totals(track, clocked, distance, height, weight_kg)
    running = _running(clocked)
    return Figures(
        totals=totals,
        altitude_source=height.source if height else "none",
        elevation_method=height.method if height else "",
        splits_km=splits(running, KM_M) if running else [],
        splits_mile=splits(running, MILE_M) if running else [],
        best_efforts=_efforts(clocked, limits),
        power_curve=clocked.power.curve if clocked and clocked.power else {},
        normalized_power=clocked.power.normalized_w if clocked and clocked.power else None,
        hr_zones_s=clocked.heart.zones_s if clocked and clocked.heart else None,
        trimp=clocked.heart.trimp if clocked and clocked.heart else None,
    )


def _timed(track: Track) -> Track | None:
    """The samples that have a believable time, with time made non-decreasing (a clock
    stepping back counts as no time passing); None when fewer than two have one."""
    keep = np.isfinite(track.time)
    keep[keep] = _believable(track.time[keep])
    if keep.sum() < 2:
        return None
    if keep.all():
        if (np.diff(track.time) >= 0).all():
            return track
        # Only the clock needs mending: the other channels are shared, not copied.
        return replace(track, time=np.maximum.accumulate(track.time))
    index = np.flatnonzero(keep)
    channels = {channel: getattr(track, channel)[index] for channel in CHANNELS}
    channels["time"] = np.maximum.accumulate(channels["time"])
    breaks = sorted({int(b) for b in np.searchsorted(index, track.breaks)} - {0, index.size})
    return replace(track, **channels, breaks=breaks)


def _believable(time: FloatArray) -> BoolArray:
    """False for samples cut off from the rest by a jump of more than a month: a corrupt
    timestamp (a damaged file's last record said 2085). The largest stretch between
    such jumps is the recording."""
    jumps = np.flatnonzero(np.abs(np.diff(time)) > _IMPOSSIBLE_GAP_S) + 1
    if jumps.size == 0:
        return np.ones(time.size, dtype=bool)
    edges = np.concatenate(([0], jumps, [time.size]))
    longest = int(np.argmax(np.diff(edges)))
    keep = np.zeros(time.size, dtype=bool)
    keep[edges[longest] : edges[longest + 1]] = True
    return keep


def _clock(
    track: Track, limits: Limits, hr_max: float | None, hr_rest: float | None, sex: str | None
) -> _Clocked:
    off = off_steps(track, stopped_intervals(track))
    found = cumulative_distance(track, limits, off)
    distance = None if found is None else found[0]
    return _Clocked(
        track=track,
        off=off,
        distance=distance,
        elevation=elevation(track, off),
        moving=moving(track.time, distance, off, limits),
        heart=heart(track.time, track.heart_rate, off, hr_max=hr_max, hr_rest=hr_rest, sex=sex),
        power=power(track.time, track.power, off),
    )


def _totals(
    track: Track,
    clocked: _Clocked | None,
    distance: FloatArray | None,
    height: Elevation | None,
    weight_kg: float | None,
) -> Totals:
    totals = Totals(
        distance_m=float(distance[-1]) if distance is not None else None,
        ascent_m=height.ascent_m if height else None,
        descent_m=height.descent_m if height else None,
    )
    if clocked is not None:
        _time_totals(totals, clocked)
    device = track.totals.calories if track.totals else None
    totals.calories = calories(
        device=device,
        sport=track.sport,
        sub_sport=track.sub_sport,
        moving_s=totals.moving_s,
        weight_kg=weight_kg,
    )
    return totals


def _time_totals(totals: Totals, clocked: _Clocked) -> None:
    time = clocked.track.time
    totals.elapsed_s = float(time[-1] - time[0])
    totals.timer_s = timer_s(time, stopped_intervals(clocked.track))
    totals.moving_s = clocked.moving.moving_s
    if totals.distance_m is not None and totals.moving_s > 0:
        totals.avg_speed_mps = totals.distance_m / totals.moving_s
    totals.max_speed_mps = clocked.moving.max_speed_mps
    if clocked.heart:
        totals.avg_hr, totals.max_hr = clocked.heart.avg_bpm, clocked.heart.max_bpm
    totals.avg_cadence = _time_weighted(time, clocked.track.cadence, clocked.off)
    if clocked.power:
        totals.avg_power, totals.max_power = clocked.power.avg_w, clocked.power.max_w


def _time_weighted(time: FloatArray, values: FloatArray, off: BoolArray) -> float | None:
    """Mean over the timer's running time, leaving out zeros (coasting, standing)."""
    steps = step_values(np.where(values > 0, values, np.nan))
    weights = np.where(~off & np.isfinite(steps), np.diff(time), 0.0)
    if weights.sum() <= 0:
        return None
    return float(np.sum(np.nan_to_num(steps) * weights) / weights.sum())


def _running(clocked: _Clocked | None) -> Running | None:
    """The cumulative series both kinds of split are cut from."""
    if clocked is None or clocked.distance is None:
        return None
    time = clocked.track.time
    dt = np.diff(time)
    beats = seconds = None
    if clocked.heart:
        bpm = clocked.track.heart_rate
        values = step_values(np.where(bpm > 0, bpm, np.nan))  # 0 bpm: no strap, as in heart.py
        weights = np.where(~clocked.off & np.isfinite(values), dt, 0.0)
        beats = np.concatenate(([0.0], np.cumsum(np.nan_to_num(values) * weights)))
        seconds = np.concatenate(([0.0], np.cumsum(weights)))
    return Running(
        distance=clocked.distance,
        elapsed=time - time[0],
        moving=np.concatenate(([0.0], np.cumsum(np.where(clocked.moving.steps, dt, 0.0)))),
        altitude=clocked.elevation.smoothed if clocked.elevation else None,
        hr_beats=beats,
        hr_seconds=seconds,
    )


def _efforts(clocked: _Clocked | None, limits: Limits) -> dict[str, float]:
    if clocked is None or clocked.distance is None or limits.group != "foot":
        return {}
    return best_efforts(clocked.track.time, clocked.distance, limits.effort_mps)

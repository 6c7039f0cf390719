"""Elevation gain and loss: resample to 1 Hz, smooth with a centred moving mean, then
count a climb or a descent only once it exceeds a hysteresis band (GoldenCheetah).

Naive sums of every step count noise as climbing; heavy smoothing flattens real hills.
The window and band depend on where the altitude came from: a barometer is precise to
a few decimetres, GPS altitude wanders by metres.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from saathi.tracks.timing import BoolArray, clock
from saathi.tracks.track import FloatArray, Track

Source = Literal["barometric", "gps"]


@dataclass(frozen=True)
class Method:
    window_s: int
    band_m: float

    def describe(self) -> str:
        return f"1 Hz, {self.window_s} s mean, {self.band_m:g} m hysteresis"


# The usual starting point for barometers is at 5-15 s and 1-1.5 m. On the 30 FIT sessions in
# tests/data with device ascent, 10 s and 1.2 m match 23 within 10 % or 15 m;
# 8 s and 3 m match 28 (median error 2 %): devices ignore wobbles that 1.2 m lets through.
METHODS: dict[Source, Method] = {
    "barometric": Method(window_s=8, band_m=3.0),
    "gps": Method(window_s=30, band_m=4.0),
}
# How far a recorded altitude sits from the midpoint of its two neighbours, the median
# over a file: 0.0-0.2 m for every barometric file in tests/data (0.2 m steps, even
# at 6 s spacing), 0.48-0.55 m for the GPS-only phone and handheld GPX files.
_GPS_NOISE_M = 0.3
# Cable cars climb at up to ~10 m/s; a faster change between two samples is a glitch.
MAX_VERTICAL_MPS = 10.0
_PRUNE_PASSES = 8
# Guard against a bogus time span turning into billions of 1 Hz samples.
_MAX_SAMPLES_PER_POINT = 20


@dataclass
class Elevation:
    ascent_m: float
    descent_m: float
    source: Source
    method: str
    smoothed: FloatArray  # per original sample, for splits and profiles


def elevation(track: Track, off: BoolArray) -> Elevation | None:
    """Ascent and descent of the track, or None when it has fewer than two altitudes.

    `off` marks the steps between samples when the timer was stopped: what the altitude
    did then (a barometer drifting in a café, a lift up the mountain) is not counted.
    """
    has_alt = np.isfinite(track.alt)
    if has_alt.sum() < 2:
        return None
    index = np.flatnonzero(has_alt)
    # The stopped-time clock needs every sample's time; a route without them uses index.
    timed = bool(np.isfinite(track.time).all())
    # Without time (a GPX route) each point is one step of the resampled series.
    x = clock(track.time, off)[index] if timed else index.astype(np.float64)
    # The method follows the samples, not the label: a watch that filters its GPS altitude
    # (the Garmin Venu Sq in testdata) writes a stream as smooth as a barometer's, and its
    # own ascent, from that stream, is matched by the barometric method (the GPS one is
    # 25 % short).
    smooth = _is_smooth(track.alt[index])
    declared = track.altitude_source
    source: Source = declared if declared in ("barometric", "gps") else _judged(smooth)
    # A smooth stream's glitches are single steps; raw GPS altitude jumps by metres every
    # second, and only smoothing tames it.
    vertical = track.time if timed and smooth else None
    alt = _without_jumps(track.alt, vertical, off)[index]
    grid = _grid(x, index.size)
    series = np.interp(grid, x, alt)
    method = METHODS[_judged(smooth)]
    smoothed = moving_mean(series, max(1, round(method.window_s / _step(grid))))
    ascent, descent = hysteresis(smoothed, method.band_m)
    all_x = clock(track.time, off) if timed else np.arange(len(track), dtype=np.float64)
    per_sample = np.interp(all_x, grid, smoothed)
    per_sample[~np.isfinite(all_x)] = np.nan
    return Elevation(ascent, descent, source, method.describe(), per_sample)


def _without_jumps(alt: FloatArray, time: FloatArray | None, off: BoolArray) -> FloatArray:
    """Altitude with each change over a stopped step, or faster than anyone climbs, removed
    from everything after it (a barometer settling at switch-on, a glitch at a transition)."""
    index = np.flatnonzero(np.isfinite(alt))
    filled = np.interp(np.arange(alt.size), index, alt[index])
    change = np.diff(filled)
    jump = off.copy()
    if time is not None:
        jump |= np.abs(change) > MAX_VERTICAL_MPS * np.maximum(np.diff(time), 1.0)
    if not jump.any():
        return alt
    shifted: FloatArray = alt - np.concatenate(([0.0], np.cumsum(np.where(jump, change, 0.0))))
    return shifted


def _grid(x: FloatArray, points: int) -> FloatArray:
    span = float(x[-1] - x[0])
    step = max(1.0, span / (points * _MAX_SAMPLES_PER_POINT))
    grid: FloatArray = x[0] + np.arange(int(span // step) + 1) * step
    return grid


def _step(grid: FloatArray) -> float:
    return float(grid[1] - grid[0]) if grid.size > 1 else 1.0


def _is_smooth(alt: FloatArray) -> bool:
    """Whether the recorded samples wobble like a barometer's or like raw GPS fixes
    (judged before resampling, which would smooth sparse GPS fixes into a clean line)."""
    if alt.size < 5:
        return True
    wobble = np.abs(alt[1:-1] - (alt[:-2] + alt[2:]) / 2)
    return float(np.median(wobble)) <= _GPS_NOISE_M


def _judged(smooth: bool) -> Source:
    return "barometric" if smooth else "gps"


def moving_mean(series: FloatArray, window: int) -> FloatArray:
    """Centred moving mean; near the ends the window shrinks instead of padding."""
    n = series.size
    half = window // 2
    sums = np.concatenate(([0.0], np.cumsum(series)))
    centre = np.arange(n)
    lo = np.maximum(centre - half, 0)
    hi = np.minimum(centre + half + 1, n)
    mean: FloatArray = (sums[hi] - sums[lo]) / (hi - lo)
    return mean


def hysteresis(series: FloatArray, band: float) -> tuple[float, float]:
    """Total rise and fall, counting a swing only once it exceeds `band` metres.

    The loop runs over turning points only, after the wiggles that cannot change the
    result are pruned in bulk, so it stays fast on long, noisy recordings.
    """
    turns = _without_small_swings(_turning_points(series), band).tolist()
    ascent = descent = 0.0
    low = high = base = peak = turns[0]
    trend = 0  # +1 climbing, -1 descending, 0 until the first swing exceeds the band
    for value in turns[1:]:
        if trend == 0:
            low, high = min(low, value), max(high, value)
            if high - low > band:
                trend = 1 if value == high else -1
                base, peak = (low, high) if trend == 1 else (high, low)
        elif (value - peak) * trend > 0:
            peak = value
        elif abs(value - peak) > band:
            ascent, descent = _add(ascent, descent, peak - base)
            base, peak, trend = peak, value, -trend
    if trend != 0:
        ascent, descent = _add(ascent, descent, peak - base)
    return ascent, descent


def _add(ascent: float, descent: float, swing: float) -> tuple[float, float]:
    return (ascent + swing, descent) if swing > 0 else (ascent, descent - swing)


def _without_small_swings(turns: FloatArray, band: float) -> FloatArray:
    """Drop each back-and-forth of at most `band` inside a longer move the same way.

    Turning points alternate peaks and troughs. A peak and the trough after it, less
    than the band apart, with the move going on past both (the next peak higher, the
    previous trough lower), never confirm a reversal: the move simply continues. Likewise
    for a trough and the peak after it. Removing pairs that do not touch each other keeps
    every other pair's condition true, so a few vectorised passes remove most noise.
    """
    for _ in range(_PRUNE_PASSES):
        if turns.size < 4:
            break
        before, first, second, after = turns[:-3], turns[1:-2], turns[2:-1], turns[3:]
        direction = np.sign(first - before)
        small = np.abs(first - second) <= band
        inside = ((after - first) * direction >= 0) & ((second - before) * direction >= 0)
        pair = small & inside & (direction != 0)
        pair[1:] &= ~pair[:-1]  # never two overlapping pairs in one pass
        if not pair.any():
            break
        drop = np.zeros(turns.size, dtype=bool)
        at = np.flatnonzero(pair) + 1
        drop[at] = drop[at + 1] = True
        turns = turns[~drop]
    return turns


def _turning_points(series: FloatArray) -> FloatArray:
    steps = np.diff(series)
    moving = np.flatnonzero(steps != 0)
    if moving.size == 0:
        return series[:1]
    direction = np.sign(steps[moving])
    # The last sample of each run in one direction is a turning point.
    turn = moving[np.flatnonzero(direction[1:] != direction[:-1])] + 1
    points: FloatArray = np.concatenate((series[:1], series[turn], series[-1:]))
    return points

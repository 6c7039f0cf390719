"""Power: average, normalised power and the mean-max curve, on a 1 Hz resampling.

Seconds in a recording gap are zero (the rider was not pedalling, or nothing was
measured); seconds with the timer stopped are left out, as devices leave them out of
their averages.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from saathi.tracks.timing import BoolArray, clock
from saathi.tracks.track import FloatArray

CURVE_S = (1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200)
# Steps longer than this hold no power: smart recording writes every few seconds while
# riding, so a longer silence means the rider stopped.
MAX_GAP_S = 10.0
# Coggan's normalised power: the 4th-power mean of a 30 s rolling average.
NP_WINDOW_S = 30


@dataclass
class Power:
    avg_w: float
    max_w: float
    normalized_w: float | None
    curve: dict[int, float]


def power(time: FloatArray, watts: FloatArray, off: BoolArray) -> Power | None:
    """`time` non-decreasing; None when no sample has power."""
    if not np.isfinite(watts).any():
        return None
    max_w = float(np.nanmax(watts))
    if time.size < 2 or time[-1] <= time[0]:
        return Power(max_w, max_w, None, {1: max_w})
    series = per_second(time, watts, off)
    sums = np.concatenate(([0.0], np.cumsum(series)))
    curve = {
        seconds: float(np.max(sums[seconds:] - sums[:-seconds]) / seconds)
        for seconds in CURVE_S
        if seconds <= series.size
    }
    normalized = None
    if series.size >= NP_WINDOW_S:
        rolling = (sums[NP_WINDOW_S:] - sums[:-NP_WINDOW_S]) / NP_WINDOW_S
        normalized = float(np.mean(rolling**4) ** 0.25)
    return Power(float(series.mean()), max_w, normalized, curve)


def per_second(time: FloatArray, values: FloatArray, off: BoolArray) -> FloatArray:
    """One value per second of timer time, linear within short steps, zero in gaps."""
    running = clock(time, off)
    grid = np.arange(running[0], running[-1] + 0.5, 1.0)
    filled = np.nan_to_num(values, nan=0.0)
    step = np.clip(np.searchsorted(running, grid, side="right") - 1, 0, time.size - 2)
    span = running[step + 1] - running[step]
    fraction = np.divide(grid - running[step], span, out=np.zeros_like(grid), where=span > 0)
    fraction = np.clip(fraction, 0.0, 1.0)
    series: FloatArray = filled[step] + fraction * (filled[step + 1] - filled[step])
    series[span > MAX_GAP_S] = 0.0
    return series

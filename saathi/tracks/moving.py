"""Moving time and maximum speed, from distance over short time windows.

A step between two samples counts as stopped when the speed over a window around it is
below the sport's threshold, and the stop lasts at least 15 s; shorter dips (a corner,
a traffic light turning green) stay moving time, as on Strava.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from saathi.tracks.sports import Limits
from saathi.tracks.timing import BoolArray, clock
from saathi.tracks.track import FloatArray

STOP_WINDOW_S = 6.0
MIN_STOP_S = 15.0
# ALGORITHMS.md: max speed over a short smoothed window, never a single GPS spike.
MAX_SPEED_WINDOW_S = 5.0


@dataclass
class Moving:
    moving_s: float
    max_speed_mps: float | None
    steps: BoolArray  # per step between samples: True when moving and the timer ran


def moving(time: FloatArray, distance: FloatArray | None, off: BoolArray, limits: Limits) -> Moving:
    """`time` non-decreasing, `distance` cumulative per sample (None when unknown)."""
    dt = np.diff(time)
    on = ~off
    if distance is None or limits.in_place:
        # Yoga or a strength session: standing still is the activity, so timer = moving.
        return Moving(float(dt[on].sum()), None, on.copy())
    running = clock(time, off)
    stopped = (window_speed(running, distance, STOP_WINDOW_S) < limits.stopped_mps) & on
    steps = on & ~_long_runs(stopped, dt, on)
    fastest = window_speed(running, distance, MAX_SPEED_WINDOW_S)[on]
    max_speed = float(fastest.max()) if fastest.size else None
    return Moving(float(dt[steps].sum()), max_speed, steps)


def window_speed(running: FloatArray, distance: FloatArray, window_s: float) -> FloatArray:
    """Speed over a window centred on each step (at least the step itself)."""
    # Computed in place where it can be: a long track's temporaries are its peak memory.
    half = np.diff(running)
    half /= 2
    np.maximum(half, window_s / 2, out=half)
    hi = running[:-1] + running[1:]
    hi /= 2  # the middle of each step
    lo = hi - half
    hi += half
    del half
    speed = np.interp(hi, running, distance)
    speed -= np.interp(lo, running, distance)
    # Near the ends the window is cut short; divide by what is left of it.
    covered = np.minimum(hi, running[-1], out=hi)
    covered -= np.maximum(lo, running[0], out=lo)
    del lo
    np.divide(speed, covered, out=speed, where=covered > 0)
    speed[~(covered > 0)] = 0.0
    return speed


def _long_runs(stopped: BoolArray, dt: FloatArray, on: BoolArray) -> BoolArray:
    """Stopped steps in runs (ignoring steps off the clock) lasting MIN_STOP_S or more."""
    index = np.flatnonzero(on)
    flags = stopped[index]
    result = np.zeros_like(stopped)
    if not flags.any():
        return result
    edges = np.flatnonzero(np.diff(np.concatenate(([0], flags.astype(np.int8), [0]))))
    starts, ends = edges[::2], edges[1::2]
    elapsed = np.concatenate(([0.0], np.cumsum(dt[index])))
    long = elapsed[ends] - elapsed[starts] >= MIN_STOP_S
    marks = np.zeros(index.size + 1, dtype=np.int64)
    np.add.at(marks, starts[long], 1)
    np.add.at(marks, ends[long], -1)
    result[index[np.cumsum(marks[:-1]) > 0]] = True
    return result

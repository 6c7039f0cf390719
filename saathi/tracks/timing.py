"""Elapsed and timer time, and which steps between samples the timer was running for."""

from __future__ import annotations

import itertools

import numpy as np
import numpy.typing as npt

from saathi.tracks.track import FloatArray, Track

BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.intp]


def stopped_intervals(track: Track) -> list[tuple[float, float]]:
    """When the timer was not running: device pauses, and gaps between segments or laps.

    A GPX or TCX file has no pause events: a new <trkseg> or a gap between two laps is
    where the recorder was stopped.
    """
    intervals = [(a, b) for a, b in track.pauses if b > a]
    time = track.time
    for b in track.breaks:
        if 0 < b < len(time) and time[b] > time[b - 1]:
            intervals.append((float(time[b - 1]), float(time[b])))
    laps = sorted(track.laps, key=lambda lap: lap.start)
    for before, after in itertools.pairwise(laps):
        if after.start > before.end:
            intervals.append((before.end, after.start))
    return _union(intervals)


def _union(intervals: list[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for a, b in sorted(intervals):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def off_steps(track: Track, stopped: list[tuple[float, float]]) -> BoolArray:
    """For each step between consecutive samples: True when it crosses a segment break or
    lies in a stopped interval, so no distance or time may be counted over it."""
    n = len(track)
    off = np.zeros(max(n - 1, 0), dtype=bool)
    for b in track.breaks:
        if 0 < b < n:
            off[b - 1] = True
    if stopped and n > 1:
        starts = np.array([a for a, _ in stopped])
        ends = np.array([b for _, b in stopped])
        middle = (track.time[:-1] + track.time[1:]) / 2
        slot = np.searchsorted(starts, middle, side="right") - 1
        inside = (slot >= 0) & (middle < ends[np.maximum(slot, 0)])
        off |= inside
    return off


def timer_s(time: FloatArray, stopped: list[tuple[float, float]]) -> float:
    """Elapsed time minus the stopped intervals that fall within it."""
    first, last = float(time[0]), float(time[-1])
    paused = sum(max(0.0, min(b, last) - max(a, first)) for a, b in stopped)
    return last - first - paused


def clock(time: FloatArray, off: BoolArray) -> FloatArray:
    """Time with the stopped steps cut out: what a stopwatch paused with the device reads."""
    dt = np.diff(time)
    dt[off] = 0.0
    running: FloatArray = np.concatenate(([0.0], np.cumsum(dt))) + time[0]
    return running

"""Cumulative distance along a track: the device's own stream when it is trustworthy,
else geodesic steps between fixes that survive a speed/acceleration filter, else the
device's speed integrated over time. Distance is never counted across a segment break
or a timer pause.
"""

from __future__ import annotations

from typing import Literal

import numpy as np

from saathi.tracks.geo import haversine_m
from saathi.tracks.sports import Limits
from saathi.tracks.timing import BoolArray, IntArray
from saathi.tracks.track import FloatArray, Track

DistanceSource = Literal["device", "gps", "speed"]

# Humans do not accelerate or brake harder than 2 g; a fix implying more is noise.
MAX_ACCELERATION = 2 * 9.81
# A recorded distance may wobble back by rounding; more than this is a reset or garbage.
_BACKWARD_TOLERANCE_M = 1.0
# A count restarting from zero (a new session) shows a value below this after the drop.
_RESTART_M = 50.0
_SPIKE_PASSES = 5


def cumulative_distance(
    track: Track, limits: Limits, off: BoolArray
) -> tuple[FloatArray, DistanceSource] | None:
    """Metres from the first sample at every sample, starting at 0 and never decreasing."""
    if len(track) == 0:
        return None
    device = _device_stream(track.distance)
    has_position = track.has_position
    if device is not None and (device[-1] > 0 or not has_position):
        return device, "device"
    if has_position:
        return _geodesic(track, limits, off), "gps"
    if track.has("speed") and np.isfinite(track.time).all():
        return _integrated_speed(track.speed, track.time, off), "speed"
    if device is not None:
        return device, "device"
    return None


def _device_stream(distance: FloatArray) -> FloatArray | None:
    """The device's cumulative distance from 0, or None when it cannot be trusted.

    A multisport file may restart the count at each session; a drop to near zero is
    such a restart, any other drop means the stream is garbage.
    """
    finite = np.flatnonzero(np.isfinite(distance))
    if finite.size < 2:
        return None
    values = distance[finite]
    steps = np.diff(values)
    drops = steps < -_BACKWARD_TOLERANCE_M
    if (values[1:][drops] > _RESTART_M).any():
        return None
    # After a restart the new value is the distance covered since it.
    steps = np.where(drops, values[1:], np.maximum(steps, 0.0))
    at_finite = np.concatenate(([0.0], np.cumsum(steps)))
    cumulative: FloatArray = np.interp(np.arange(distance.size), finite, at_finite)
    return cumulative


def _geodesic(track: Track, limits: Limits, off: BoolArray) -> FloatArray:
    is_fix = np.isfinite(track.lat) & np.isfinite(track.lon)
    fixes = np.flatnonzero(is_fix)
    timed = bool(np.isfinite(track.time[fixes]).all())
    # A step between fixes is dropped when any sample-to-sample step it spans is off.
    off_before = np.concatenate(([0], np.cumsum(off)))
    steps = _steps(track, fixes)
    if timed:
        fixes, steps = _without_spikes(track, fixes, steps, limits.max_mps, off_before)
        is_fix = np.zeros(len(track), dtype=bool)
        is_fix[fixes] = True
        dt = np.diff(track.time[fixes])
        steps[steps > limits.max_mps * np.maximum(dt, 1.0)] = 0.0
    steps[off_before[fixes[1:]] > off_before[fixes[:-1]]] = 0.0
    at_fix = np.concatenate(([0.0], np.cumsum(steps)))
    # Samples without a fix hold the distance of the last fix before them.
    cumulative: FloatArray = at_fix[np.maximum(np.cumsum(is_fix) - 1, 0)]
    return cumulative


def _steps(track: Track, fixes: IntArray) -> FloatArray:
    lat, lon = track.lat[fixes], track.lon[fixes]
    return haversine_m(lat[:-1], lon[:-1], lat[1:], lon[1:])


def _without_spikes(
    track: Track, fixes: IntArray, steps: FloatArray, max_mps: float, off_before: IntArray
) -> tuple[IntArray, FloatArray]:
    """Drop fixes that jump out and straight back: too fast, or > 2 g, both ways.

    A step across a break or pause is no evidence either way (NaN compares false).
    """
    for _ in range(_SPIKE_PASSES):
        if fixes.size < 3:
            break
        dt = np.maximum(np.diff(track.time[fixes]), 1.0)
        speed = steps / dt
        speed[off_before[fixes[1:]] > off_before[fixes[:-1]]] = np.nan
        too_fast = speed > max_mps
        accel = np.diff(speed) / ((dt[:-1] + dt[1:]) / 2)
        jump_in = np.concatenate(([False], accel[:-1] > MAX_ACCELERATION))
        fall_out = accel < -MAX_ACCELERATION
        spike = (too_fast[:-1] & too_fast[1:]) | (jump_in & fall_out)
        if not spike.any():
            break
        keep = np.ones(fixes.size, dtype=bool)
        keep[1:-1] = ~spike
        fixes = fixes[keep]
        steps = _steps(track, fixes)
    return fixes, steps


def _integrated_speed(speed: FloatArray, time: FloatArray, off: BoolArray) -> FloatArray:
    """Trapezoids of the device's speed (an indoor trainer, a foot pod without distance)."""
    finite = np.flatnonzero(np.isfinite(speed))
    filled = np.interp(np.arange(speed.size), finite, speed[finite])
    steps = (filled[:-1] + filled[1:]) / 2 * np.diff(time)
    steps[off] = 0.0
    cumulative: FloatArray = np.concatenate(([0.0], np.cumsum(np.maximum(steps, 0.0))))
    return cumulative

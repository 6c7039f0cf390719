"""Splits every kilometre and every mile, by interpolating the time at each boundary."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from saathi.tracks.track import FloatArray

KM_M = 1000.0
MILE_M = 1609.344
# A remainder shorter than this after the last full split is rounding, not a split.
_MIN_PARTIAL_M = 1.0


@dataclass
class Split:
    index: int  # 1-based
    distance_m: float  # the unit, or less for the last, partial one
    elapsed_s: float
    moving_s: float
    pace_s_per_km: float | None  # on moving time, as running apps show it
    elevation_change_m: float | None
    avg_hr: float | None
    partial: bool


@dataclass
class Running:
    """Cumulative series per sample that splits are cut from."""

    distance: FloatArray  # metres, non-decreasing, from 0
    elapsed: FloatArray  # seconds since the first sample
    moving: FloatArray  # moving seconds so far
    altitude: FloatArray | None  # smoothed altitude
    hr_beats: FloatArray | None  # integral of heart rate over time, in bpm·s
    hr_seconds: FloatArray | None  # seconds with a heart rate so far


def splits(running: Running, unit_m: float) -> list[Split]:
    total = float(running.distance[-1])
    boundaries = np.arange(1, int(total // unit_m) + 1) * unit_m
    if total - (boundaries[-1] if boundaries.size else 0.0) >= _MIN_PARTIAL_M:
        boundaries = np.append(boundaries, total)
    if boundaries.size == 0:
        return []
    marks = np.concatenate(([0.0], boundaries))
    elapsed = _at(running.distance, running.elapsed, marks)
    moving = _at(running.distance, running.moving, marks)
    altitude, beats, seconds = (
        None if series is None else _at(running.distance, series, marks)
        for series in (running.altitude, running.hr_beats, running.hr_seconds)
    )
    result = []
    for k in range(boundaries.size):
        length = float(marks[k + 1] - marks[k])
        moving_s = float(moving[k + 1] - moving[k])
        result.append(
            Split(
                index=k + 1,
                distance_m=length,
                elapsed_s=float(elapsed[k + 1] - elapsed[k]),
                moving_s=moving_s,
                pace_s_per_km=moving_s / length * 1000 if moving_s > 0 else None,
                elevation_change_m=_change(altitude, k),
                avg_hr=_ratio(beats, seconds, k),
                partial=length < unit_m - 1e-6,
            )
        )
    return result


def _at(distance: FloatArray, series: FloatArray, marks: FloatArray) -> FloatArray:
    """The series at the first moment the distance reaches each mark."""
    after = np.clip(np.searchsorted(distance, marks, side="left"), 1, distance.size - 1)
    before = after - 1
    gap = distance[after] - distance[before]
    fraction = np.divide(marks - distance[before], gap, out=np.zeros_like(marks), where=gap > 0)
    values: FloatArray = series[before] + np.clip(fraction, 0, 1) * (series[after] - series[before])
    values[0] = series[0]
    return values


def _change(altitude: FloatArray | None, k: int) -> float | None:
    if altitude is None:
        return None
    change = float(altitude[k + 1] - altitude[k])
    return change if np.isfinite(change) else None


def _ratio(beats: FloatArray | None, seconds: FloatArray | None, k: int) -> float | None:
    if beats is None or seconds is None:
        return None
    span = float(seconds[k + 1] - seconds[k])
    return float(beats[k + 1] - beats[k]) / span if span > 0 else None

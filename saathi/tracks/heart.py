"""Heart rate: time-weighted average, time in zones, Banister's TRIMP."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from saathi.tracks.timing import BoolArray
from saathi.tracks.track import FloatArray

# Zones 1-5 start at these fractions of HR max (ALGORITHMS.md).
ZONE_STARTS = (0.5, 0.6, 0.7, 0.8, 0.9)
# Banister's weighting constant: 1.92 for men, 1.67 for women; their mean when unknown.
TRIMP_K = {"male": 1.92, "m": 1.92, "female": 1.67, "f": 1.67}
TRIMP_K_UNKNOWN = (1.92 + 1.67) / 2


@dataclass
class Heart:
    avg_bpm: float
    max_bpm: float
    zones_s: list[float] | None
    trimp: float | None


def step_values(values: FloatArray) -> FloatArray:
    """The value over each step between samples: the mean of its ends, or the one end
    that has a value; NaN when neither does."""
    first, second = values[:-1], values[1:]
    both = np.isfinite(first) & np.isfinite(second)
    mean = np.where(both, (first + second) / 2, np.where(np.isfinite(first), first, second))
    return mean


def heart(
    time: FloatArray,
    bpm: FloatArray,
    off: BoolArray,
    *,
    hr_max: float | None,
    hr_rest: float | None,
    sex: str | None,
) -> Heart | None:
    """Time-weighted figures; `time` non-decreasing. None when no sample has a heart rate."""
    real = bpm[np.isfinite(bpm) & (bpm > 0)]
    if real.size == 0:
        return None
    values = step_values(np.where(bpm > 0, bpm, np.nan))
    weights = np.where(~off & np.isfinite(values), np.diff(time), 0.0)
    if weights.sum() <= 0:
        return Heart(float(real.mean()), float(real.max()), None, None)
    values = np.nan_to_num(values, nan=0.0)
    avg = float(np.sum(values * weights) / weights.sum())
    zones = trimp = None
    if hr_max:
        zone = np.searchsorted(np.array(ZONE_STARTS) * hr_max, values, side="right")
        zones = np.bincount(zone, weights=weights, minlength=6)[1:].tolist()
        if hr_rest is not None and hr_max > hr_rest:
            reserve = np.clip((values - hr_rest) / (hr_max - hr_rest), 0.0, 1.0)
            k = TRIMP_K.get((sex or "").lower(), TRIMP_K_UNKNOWN)
            trimp = float(np.sum(weights / 60 * reserve * 0.64 * np.exp(k * reserve)))
    return Heart(avg, float(real.max()), zones, trimp)

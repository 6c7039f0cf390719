"""Best efforts: the fastest time over standard distances within a run, on elapsed time
as Strava does. O(n) per distance: each sample is tried as the end of a window and as its
start, the other end interpolated on the cumulative distance (the two two-pointer passes,
done by np.interp instead of a Python loop).
"""

from __future__ import annotations

import numpy as np

from saathi.tracks.track import FloatArray

DISTANCES: dict[str, float] = {
    "400m": 400.0,
    "1/2 mile": 804.672,
    "1k": 1000.0,
    "1 mile": 1609.344,
    "2 mile": 3218.688,
    "5k": 5000.0,
    "10k": 10000.0,
    "15k": 15000.0,
    "10 mile": 16093.44,
    "20k": 20000.0,
    "half marathon": 21097.5,
    "30k": 30000.0,
    "marathon": 42195.0,
    "50k": 50000.0,
}


def best_efforts(time: FloatArray, distance: FloatArray, limit_mps: float) -> dict[str, float]:
    """Seconds for each distance the run covers; efforts faster than `limit_mps` on
    average are GPS artefacts and are skipped."""
    # While standing still the distance repeats: a window is shortest when it starts at
    # the last sample of such a plateau and ends at the first one of another. Keeping
    # only those makes the distance strictly increasing, which np.interp needs (and it
    # walks sorted queries in linear time).
    moved = np.flatnonzero(np.diff(distance) > 0)
    first = np.concatenate(([0], moved + 1))
    last = np.concatenate((moved, [distance.size - 1]))
    first_d, first_t = distance[first], time[first]
    last_d, last_t = distance[last], time[last]
    result: dict[str, float] = {}
    for name, length in DISTANCES.items():
        if distance[-1] - distance[0] < length:
            break
        # Sorted arrays: the samples that can end (or start) a window are a suffix (prefix).
        end_from = int(np.searchsorted(first_d, distance[0] + length, side="left"))
        start_to = int(np.searchsorted(last_d, distance[-1] - length, side="right"))
        ends_d, ends_t = first_d[end_from:], first_t[end_from:]
        starts_d, starts_t = last_d[:start_to], last_t[:start_to]
        durations = np.concatenate(
            (
                ends_t - np.interp(ends_d - length, last_d, last_t),
                np.interp(starts_d + length, first_d, first_t) - starts_t,
            )
        )
        durations = durations[durations >= length / limit_mps]
        if durations.size:
            result[name] = float(durations.min())
    return result

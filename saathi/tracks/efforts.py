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
    result: dict[str, float] = {}
    for name, length in DISTANCES.items():
        if distance[-1] - distance[0] < length:
            break
        ends = first[distance[first] >= distance[0] + length]
        starts = last[distance[last] <= distance[-1] - length]
        durations = np.concatenate(
            (
                time[ends] - np.interp(distance[ends] - length, distance[last], time[last]),
                np.interp(distance[starts] + length, distance[first], time[first]) - time[starts],
            )
        )
        durations = durations[durations >= length / limit_mps]
        if durations.size:
            result[name] = float(durations.min())
    return result

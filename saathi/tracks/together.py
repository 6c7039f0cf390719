"""Were two recordings the same outing? And where and when was a recording, as tokens
that an index can look up.

Same outing (`../shared/ALGORITHMS.md`, "Training together"): both tracks are
interpolated at 1 Hz over their time overlap, and the seconds in which they are within
200 m of each other on foot (300 m when one of them is on a bike: a bike's fixes are
further apart and riders spread out more) are counted as a share of the first track's
elapsed time. The caller passes the one that started first as `a`, so the answer is the
same whichever of the two was imported first. A share of 30 % or more is the same outing:
tests/tracks/test_same_outing_cases.py measures 30 % and 50 % on constructed pairs, and
50 % misses people who joined for the second half of a run after a warm-up alone.

Tokens: the map is cut into cells of about 1.1 km (0.01° of latitude; in longitude the
same width in metres, row by row) and time into five-minute slots (SLOT_S); a token is
one (cell, slot) a track passed through, packed into one integer. A recording stores the
tokens of its own fixes; a new import looks up the tokens of every cell within the
matching radius of its fixes (`probe_tokens`), so two people 50 m apart on either side of
a cell edge still share one. Two people together at the same second are in the same slot,
so no neighbouring slot is needed. Five-minute slots rather than minutes: a run passes
through about one cell a minute, so minute tokens are some three times as many rows for
the same candidates (bench/outings.py prints both), and every candidate is confirmed by
`same_outing` anyway.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from saathi.tracks.geo import EARTH_RADIUS_M, haversine_m
from saathi.tracks.track import FloatArray, Track

FOOT_RADIUS_M = 200.0
BIKE_RADIUS_M = 300.0
# The share of the first one's elapsed time spent together that makes an outing.
SAME_OUTING_SHARE = 0.30
# A recording with no fix for longer than this (a watch paused over lunch, a tunnel)
# says nothing about where its owner was in between: those seconds never count.
MAX_GAP_S = 600.0

CELL_DEG = 0.01
SLOT_S = 300
METRES_PER_DEGREE = EARTH_RADIUS_M * np.pi / 180
# Packing: slot << 31 | row << 16 | column. Rows are 0..18,000, columns under 65,536
# (the widest row, at the equator, has 36,000), slots (Unix seconds / 300) fit in 32 bits.
_ROW_BITS, _COL_BITS = 15, 16

IntArray = npt.NDArray[np.int64]


def same_outing(a: Track, b: Track, on_bike: bool) -> float:
    """The share of `a`'s elapsed time (0 to 1) in which `b` was within the radius.

    0 when either has fewer than two timed fixes or they do not overlap in time.
    """
    ta, lat_a, lon_a = _fixes(a)
    tb, lat_b, lon_b = _fixes(b)
    if ta.size < 2 or tb.size < 2:
        return 0.0
    elapsed = ta[-1] - ta[0]
    first, last = max(ta[0], tb[0]), min(ta[-1], tb[-1])
    if elapsed <= 0 or last < first:
        return 0.0
    seconds = np.arange(np.ceil(first), np.floor(last) + 1.0)
    known = _known(ta, seconds) & _known(tb, seconds)
    apart = haversine_m(
        np.interp(seconds, ta, lat_a),
        np.interp(seconds, ta, lon_a),
        np.interp(seconds, tb, lat_b),
        np.interp(seconds, tb, lon_b),
    )
    radius = BIKE_RADIUS_M if on_bike else FOOT_RADIUS_M
    together = int(np.count_nonzero(known & (apart <= radius)))
    return float(min(1.0, together / elapsed))


def _fixes(track: Track) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Times and positions of the samples that have all three, in time order, each
    time once (np.interp needs rising times)."""
    ok = np.isfinite(track.time) & np.isfinite(track.lat) & np.isfinite(track.lon)
    time, lat, lon = track.time[ok], track.lat[ok], track.lon[ok]
    order = np.argsort(time, kind="stable")
    time, lat, lon = time[order], lat[order], lon[order]
    keep = np.ones(time.size, dtype=bool)
    keep[1:] = np.diff(time) > 0
    return time[keep], lat[keep], lon[keep]


def _known(times: FloatArray, seconds: FloatArray) -> npt.NDArray[np.bool_]:
    """Whether each second lies between two fixes at most MAX_GAP_S apart."""
    after = np.clip(np.searchsorted(times, seconds, side="left"), 1, times.size - 1)
    known: npt.NDArray[np.bool_] = (times[after] - times[after - 1]) <= MAX_GAP_S
    return known


def tokens(track: Track, slot_s: int = SLOT_S) -> IntArray:
    """The (cell, slot) tokens of the track's own fixes, sorted, each once."""
    time, lat, lon = _fixes(track)
    found: IntArray = np.unique(pack_tokens(time, lat, lon, slot_s))
    return found


def probe_tokens(track: Track, radius_m: float = BIKE_RADIUS_M, slot_s: int = SLOT_S) -> IntArray:
    """The tokens of every cell within `radius_m` of a fix, in the fix's slot: what a
    companion's `tokens` share with this track (a cell is wider than twice the radius,
    so the corners of the box around each fix find them all)."""
    time, lat, lon = _fixes(track)
    dlat = radius_m / METRES_PER_DEGREE
    dlon = dlat / np.maximum(np.cos(np.radians(lat)), 0.01)
    found = [
        pack_tokens(time, lat + sy * dlat, lon + sx * dlon, slot_s)
        for sy in (-1.0, 1.0)
        for sx in (-1.0, 1.0)
    ]
    every: IntArray = np.unique(np.concatenate([*found, pack_tokens(time, lat, lon, slot_s)]))
    return every


def pack_tokens(
    time: FloatArray, lat: FloatArray, lon: FloatArray, slot_s: int = SLOT_S
) -> IntArray:
    """The token of each (time, position), one per sample, not deduplicated."""
    lat = np.clip(lat, -90.0, 90.0 - 1e-9)
    row = np.floor((lat + 90.0) / CELL_DEG).astype(np.int64)
    centre = (row + 0.5) * CELL_DEG - 90.0
    width = CELL_DEG / np.maximum(np.cos(np.radians(centre)), 0.01)
    column = np.floor(((lon + 180.0) % 360.0) / width).astype(np.int64)
    slot = np.floor(time / slot_s).astype(np.int64)
    packed: IntArray = (slot << (_ROW_BITS + _COL_BITS)) | (row << _COL_BITS) | column
    return packed

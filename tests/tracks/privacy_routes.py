"""Routes for the privacy-zone tests: straight-ish lines out of a home, in metres east and
north of it, turned into latitude and longitude."""

from __future__ import annotations

import math

import numpy as np

from saathi.tracks.track import FloatArray

HOME = (34.2000, 74.3400)  # a street in Baramulla
METRES_PER_DEGREE = 111_195.0


def to_lat_lon(east: FloatArray, north: FloatArray) -> tuple[FloatArray, FloatArray]:
    lat = HOME[0] + north / METRES_PER_DEGREE
    lon = HOME[1] + east / (METRES_PER_DEGREE * math.cos(math.radians(HOME[0])))
    return lat, lon


def to_metres(lat: FloatArray, lon: FloatArray) -> tuple[FloatArray, FloatArray]:
    north = (lat - HOME[0]) * METRES_PER_DEGREE
    east = (lon - HOME[1]) * METRES_PER_DEGREE * math.cos(math.radians(HOME[0]))
    return east, north


def out_and_back(
    bearing: float,
    *,
    length_m: float = 4000.0,
    step_m: float = 5.0,
    wiggle_m: float = 0.0,
    rng: np.random.Generator | None = None,
    back_bearing: float | None = None,
) -> tuple[FloatArray, FloatArray]:
    """Out of home along `bearing` (radians from north) and home again along
    `back_bearing`, one sample every `step_m`, with a sideways wiggle if asked."""
    out = np.arange(0.0, length_m, step_m)
    legs = []
    for angle, radial in (
        (bearing, out),
        (bearing if back_bearing is None else back_bearing, out[::-1]),
    ):
        side = np.zeros_like(radial)
        if wiggle_m and rng is not None:
            side = wiggle_m * np.sin(radial / rng.uniform(80, 200) + rng.uniform(0, 6.3))
            side *= np.minimum(1.0, radial / 300.0)  # the door is where it is
        east = radial * math.sin(angle) + side * math.cos(angle)
        north = radial * math.cos(angle) - side * math.sin(angle)
        legs.append((east, north))
    east = np.concatenate([legs[0][0], legs[1][0]])
    north = np.concatenate([legs[0][1], legs[1][1]])
    return to_lat_lon(east, north)

"""Synthetic tracks with hand-known figures, for the figures tests."""

from __future__ import annotations

from typing import Any

import numpy as np

from saathi.tracks.geo import EARTH_RADIUS_M
from saathi.tracks.track import FloatArray, Track

START = 1_700_000_000.0
# Along a meridian the haversine distance is exactly R times the latitude difference.
METRES_PER_DEGREE = EARTH_RADIUS_M * np.pi / 180


def make(n: int, *, sport: str = "running", fmt: str = "fit", **values: Any) -> Track:
    """A track of n samples; channels given as arrays, everything else NaN."""
    channels = Track.empty_channels(n)
    extra = {}
    for key, value in values.items():
        if key in channels:
            channels[key] = np.asarray(value, dtype=np.float64).copy()
        else:
            extra[key] = value
    return Track(format=fmt, **channels, sport=sport, **extra)  # type: ignore[arg-type]


def north(metres: FloatArray, lat0: float = 45.0, lon0: float = 7.0) -> dict[str, FloatArray]:
    """Positions `metres` north of a start point."""
    metres = np.asarray(metres, dtype=np.float64)
    return {"lat": lat0 + metres / METRES_PER_DEGREE, "lon": np.full(metres.size, lon0)}


def steady(seconds: int, speed: float, **values: Any) -> Track:
    """A straight run north at a constant speed, one fix per second."""
    time = START + np.arange(seconds + 1, dtype=np.float64)
    return make(time.size, time=time, **north(speed * (time - START)), **values)

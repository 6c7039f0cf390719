"""Distances on the Earth's surface, vectorised."""

from __future__ import annotations

import numpy as np

from saathi.tracks.track import FloatArray

# The mean Earth radius (IUGG); haversine on it is within ~0.5 % of Karney's geodesic.
# gpxpy's flat-earth formula on the equatorial radius is 0.67 % long north-south.
EARTH_RADIUS_M = 6_371_008.8


def haversine_m(
    lat1: FloatArray | float, lon1: FloatArray | float, lat2: FloatArray, lon2: FloatArray
) -> FloatArray:
    """Great-circle distance in metres between paired points, or from one point to many
    (degrees); NaN where a point is."""
    phi1, phi2 = np.radians(lat1), np.radians(lat2)
    dphi = phi2 - phi1
    dlam = np.radians(lon2 - lon1)
    a = np.sin(dphi / 2) ** 2 + np.cos(phi1) * np.cos(phi2) * np.sin(dlam / 2) ** 2
    distance: FloatArray = 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    return distance

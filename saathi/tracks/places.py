"""The nearest populated place to a point, from an offline gazetteer.

The data is GeoNames' cities1000 (every place of 1000 people or more; GeoNames,
https://www.geonames.org, CC BY 4.0), packed by scripts/build_gazetteer.py into
data/places.npz sorted by 1° grid cell. A lookup slices the few cells within reach
and measures them all at once with numpy: no tree to build, nothing to download.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from saathi.tracks.geo import EARTH_RADIUS_M, haversine_m

DATA = Path(__file__).resolve().parent / "data" / "places.npz"
DEFAULT_MAX_KM = 20.0  # beyond a short ride's reach a town no longer names the spot
_CELLS_PER_ROW = 360


@dataclass(frozen=True)
class Place:
    name: str
    admin1: str  # state, province or region; "" when GeoNames has none
    country_code: str  # ISO 3166-1 alpha-2
    lat: float
    lon: float
    distance_m: float  # from the point asked about


@dataclass(frozen=True)
class Gazetteer:
    lat: npt.NDArray[np.float64]  # degrees
    lon: npt.NDArray[np.float64]
    cell_start: npt.NDArray[np.int32]  # places of cell c are [cell_start[c], cell_start[c+1])
    country: npt.NDArray[np.bytes_]
    admin1: npt.NDArray[np.uint16]
    name_blob: bytes
    name_offsets: npt.NDArray[np.int32]
    admin1_names: tuple[str, ...]

    def name(self, index: int) -> str:
        start, end = int(self.name_offsets[index]), int(self.name_offsets[index + 1])
        return self.name_blob[start:end].decode("utf-8")

    def place(self, index: int, distance_m: float) -> Place:
        return Place(
            name=self.name(index),
            admin1=self.admin1_names[int(self.admin1[index])],
            country_code=self.country[index].decode("ascii"),
            lat=float(self.lat[index]),
            lon=float(self.lon[index]),
            distance_m=distance_m,
        )


@cache
def gazetteer() -> Gazetteer:
    """Loaded once per process (about 0.1 s), then shared by every lookup."""
    with np.load(DATA, allow_pickle=False) as data:
        admin1_blob = data["admin1_blob"].tobytes()
        admin1_offsets = data["admin1_offsets"]
        admin1_names = tuple(
            admin1_blob[admin1_offsets[i] : admin1_offsets[i + 1]].decode("utf-8")
            for i in range(len(admin1_offsets) - 1)
        )
        return Gazetteer(
            lat=data["lat_e5"] / 1e5,
            lon=data["lon_e5"] / 1e5,
            cell_start=data["cell_start"],
            country=data["country"],
            admin1=data["admin1"],
            name_blob=data["name_blob"].tobytes(),
            name_offsets=data["name_offsets"],
            admin1_names=admin1_names,
        )


def _cells_within(lat: float, lon: float, max_km: float) -> list[tuple[int, int]]:
    """(first, last) cell numbers, one range per grid row, covering max_km around a point."""
    reach_deg = math.degrees(max_km * 1000 / EARTH_RADIUS_M)
    south = max(-90.0, lat - reach_deg)
    north = min(90.0, lat + reach_deg)
    # A degree of longitude shrinks with latitude: widest at the row nearest a pole.
    widest = max(abs(south), abs(north))
    cos_lat = math.cos(math.radians(widest))
    lon_reach = 180.0 if cos_lat < 1e-9 else min(180.0, reach_deg / cos_lat)
    first_row = max(0, math.floor(south) + 90)
    last_row = min(179, math.floor(north) + 90)
    if lon_reach >= 180.0:
        columns = [(0, _CELLS_PER_ROW - 1)]
    else:
        west = math.floor(lon - lon_reach + 180)
        east = math.floor(lon + lon_reach + 180)
        if west < 0 or east >= _CELLS_PER_ROW:  # the search straddles the antimeridian
            columns = [(west % _CELLS_PER_ROW, _CELLS_PER_ROW - 1), (0, east % _CELLS_PER_ROW)]
        else:
            columns = [(west, east)]
    return [
        (row * _CELLS_PER_ROW + a, row * _CELLS_PER_ROW + b)
        for row in range(first_row, last_row + 1)
        for a, b in columns
    ]


def nearest_place(lat: float, lon: float, *, max_km: float = DEFAULT_MAX_KM) -> Place | None:
    """The populated place nearest to (lat, lon) within max_km, or None."""
    if not (math.isfinite(lat) and math.isfinite(lon)) or abs(lat) > 90 or max_km <= 0:
        return None
    lon = (lon + 180.0) % 360.0 - 180.0
    data = gazetteer()
    ranges = [
        np.arange(data.cell_start[a], data.cell_start[b + 1])
        for a, b in _cells_within(lat, lon, max_km)
    ]
    candidates = np.concatenate(ranges) if ranges else np.empty(0, dtype=np.int64)
    if candidates.size == 0:
        return None
    distances = haversine_m(lat, lon, data.lat[candidates], data.lon[candidates])
    best = int(np.argmin(distances))
    if distances[best] > max_km * 1000:
        return None
    return data.place(int(candidates[best]), float(distances[best]))

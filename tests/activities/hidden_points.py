"""Finding a route's hidden samples in what a page or download sends: every pair of
numbers in the body (text, attributes, GPX) and every lat/lon list in its JSON."""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

import numpy as np

from saathi.tracks.track import FloatArray

NUMBER = re.compile(r"-?\d+\.(\d+)")
JSON_SCRIPT = re.compile(r'<script id="[^"]+" type="application/json">(.*?)</script>', re.S)
CELL = 1e-3  # degrees; wider than any rounding a page does (4 decimals at least)


class Samples:
    """Points to look up by nearness, bucketed in CELL-sized squares."""

    def __init__(self, lat: FloatArray, lon: FloatArray):
        self.cells: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
        for a, b in zip(lat.tolist(), lon.tolist(), strict=True):
            if math.isfinite(a) and math.isfinite(b):
                self.cells[(math.floor(a / CELL), math.floor(b / CELL))].append((a, b))

    def near(self, lat: float, lon: float, tolerance: float) -> bool:
        i, j = math.floor(lat / CELL), math.floor(lon / CELL)
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                for a, b in self.cells.get((i + di, j + dj), ()):
                    if abs(a - lat) <= tolerance and abs(b - lon) <= tolerance:
                        return True
        return False


def _pairs_in_text(body: str) -> Iterator[tuple[float, float, float]]:
    """Each two numbers in a row, with the tolerance their rounding calls for."""
    found = [(float(m.group(0)), len(m.group(1))) for m in NUMBER.finditer(body)]
    for (a, da), (b, db) in pairwise(found):
        yield a, b, 0.6 * 10 ** -min(da, db) + 1e-7


def _pairs_in_json(value: Any) -> Iterator[tuple[float, float, float]]:
    if isinstance(value, dict):
        lat, lon = value.get("lat"), value.get("lon")
        if isinstance(lat, list) and isinstance(lon, list):
            for a, b in zip(lat, lon, strict=False):
                yield float(a), float(b), 6e-6 + 1e-7  # rounded to 5 decimals
        for inner in value.values():
            yield from _pairs_in_json(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _pairs_in_json(inner)


def hidden_points_in(body: str, hidden: Samples, visible: Samples) -> list[tuple[float, float]]:
    """The points of `body` that are a hidden sample and no visible one (a route may
    pass again, visibly, where it started)."""
    pairs = list(_pairs_in_text(body))
    for script in JSON_SCRIPT.findall(body):
        pairs += _pairs_in_json(json.loads(script))
    return [
        (a, b)
        for a, b, tolerance in pairs
        if hidden.near(a, b, tolerance) and not visible.near(a, b, tolerance)
    ]


def split_samples(
    lat: FloatArray, lon: FloatArray, first: int | None, last: int | None
) -> tuple[Samples, Samples]:
    """The hidden and the visible samples of a route cut at (first, last)."""
    keep = np.zeros(lat.size, dtype=bool)
    if first is not None and last is not None:
        keep[first : last + 1] = True
    return Samples(lat[~keep], lon[~keep]), Samples(lat[keep], lon[keep])

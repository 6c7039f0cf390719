"""Reading GPX and TCX both ways, the fast path and lxml's, for the tests that compare them."""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterator
from dataclasses import fields
from pathlib import Path

import numpy as np
import pytest

from saathi.tracks import xml_fast
from saathi.tracks.gpx import parse_gpx
from saathi.tracks.tcx import parse_tcx
from saathi.tracks.track import CHANNELS, Track, TrackError


def file_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def parser_for(data: bytes) -> Callable[..., Track]:
    return parse_tcx if b"<TrainingCenterDatabase" in data[:4000] else parse_gpx


def chunks(data: bytes, size: int) -> Iterator[bytes]:
    return (data[i : i + size] for i in range(0, len(data), size))


def outcome(data: bytes, size: int, *, fast: bool) -> Track | str:
    try:
        return parser_for(data)(chunks(data, size), fast=fast)
    except TrackError as error:
        return f"TrackError: {error.message}"


def assert_same(fast: Track | str, slow: Track | str) -> None:
    if isinstance(slow, str) or isinstance(fast, str):
        assert fast == slow
        return
    for item in fields(Track):
        mine, theirs = getattr(fast, item.name), getattr(slow, item.name)
        if item.name in CHANNELS:
            assert np.array_equal(mine, theirs, equal_nan=True), item.name
        else:
            # repr compares NaN lap and session times as equal, and every nested field.
            assert repr(mine) == repr(theirs), item.name


def count_fast_points(patch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the runs of points the fast path reads, appended as it reads them."""
    popped: list[int] = []
    pop_run = xml_fast.FastColumns.pop_run

    def counted(self: xml_fast.FastColumns) -> tuple[dict[str, np.ndarray], np.ndarray]:
        values, lines = pop_run(self)
        popped.append(len(lines))
        return values, lines

    patch.setattr(xml_fast.FastColumns, "pop_run", counted)
    return popped

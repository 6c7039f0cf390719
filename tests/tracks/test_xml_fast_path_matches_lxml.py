"""The fast path for GPX and TCX points gives exactly what the lxml path gives.

Every real GPX and TCX file, whole, cut short at several places and read in small and large
chunks, is read both ways; the Tracks (every channel, NaN where NaN, breaks, laps, sessions,
totals, sport, device, name, warnings) or the errors must be the same.
"""

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
from saathi.tracks.xml import CHUNK
from tests.paths import TESTDATA

FILES = sorted(
    [
        *TESTDATA.glob("gpx/*.gpx*"),
        *TESTDATA.glob("tcx/*.tcx"),
        *TESTDATA.glob("malformed/*.[gt]?x"),
    ]
)


def _bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def _parser(data: bytes) -> Callable[..., Track]:
    return parse_tcx if b"<TrainingCenterDatabase" in data[:4000] else parse_gpx


def _chunks(data: bytes, size: int) -> Iterator[bytes]:
    return (data[i : i + size] for i in range(0, len(data), size))


def _outcome(data: bytes, size: int, *, fast: bool) -> Track | str:
    try:
        return _parser(data)(_chunks(data, size), fast=fast)
    except TrackError as error:
        return f"TrackError: {error.message}"


def _assert_same(fast: Track | str, slow: Track | str) -> None:
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


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("size", [CHUNK, 4096])
def test_a_whole_file_reads_the_same_on_both_paths(path: Path, size: int) -> None:
    data = _bytes(path)
    _assert_same(_outcome(data, size, fast=True), _outcome(data, size, fast=False))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_file_cut_short_reads_the_same_on_both_paths(path: Path) -> None:
    data = _bytes(path)
    for fraction in (0.13, 0.5, 0.77, 0.999):
        cut = data[: int(len(data) * fraction)]
        _assert_same(_outcome(cut, 8192, fast=True), _outcome(cut, 8192, fast=False))


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


@pytest.mark.parametrize("path", sorted(TESTDATA.glob("[gt][pc]x/*.[gt]?x")), ids=lambda p: p.name)
def test_the_fast_path_reads_the_points_of_real_files(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    popped = count_fast_points(monkeypatch)
    data = _bytes(path)
    track = _parser(data)(_chunks(data, CHUNK))
    assert sum(popped) == len(track)

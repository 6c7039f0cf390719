"""The fast path for GPX and TCX points gives exactly what the lxml path gives.

Every real GPX and TCX file, whole, cut short at several places and read in small and large
chunks, is read both ways; the Tracks (every channel, NaN where NaN, breaks, laps, sessions,
totals, sport, device, name, warnings) or the errors must be the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from saathi.tracks.xml import CHUNK
from tests.paths import TESTDATA
from tests.tracks.fast_path import (
    assert_same,
    chunks,
    count_fast_points,
    file_bytes,
    outcome,
    parser_for,
)

FILES = sorted(
    [
        *TESTDATA.glob("gpx/*.gpx*"),
        *TESTDATA.glob("tcx/*.tcx"),
        *TESTDATA.glob("malformed/*.[gt]?x"),
    ]
)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("size", [CHUNK, 4096])
def test_a_whole_file_reads_the_same_on_both_paths(path: Path, size: int) -> None:
    data = file_bytes(path)
    assert_same(outcome(data, size, fast=True), outcome(data, size, fast=False))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_file_cut_short_reads_the_same_on_both_paths(path: Path) -> None:
    data = file_bytes(path)
    for fraction in (0.13, 0.5, 0.77, 0.999):
        cut = data[: int(len(data) * fraction)]
        assert_same(outcome(cut, 8192, fast=True), outcome(cut, 8192, fast=False))


@pytest.mark.parametrize("path", sorted(TESTDATA.glob("[gt][pc]x/*.[gt]?x")), ids=lambda p: p.name)
def test_the_fast_path_reads_the_points_of_real_files(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    popped = count_fast_points(monkeypatch)
    data = file_bytes(path)
    track = parser_for(data)(chunks(data, CHUNK))
    assert sum(popped) == len(track)

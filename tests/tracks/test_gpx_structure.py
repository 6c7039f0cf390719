"""GPX files read with the point counts, start times and segments their own structure gives.

Expected values come from REFERENCE.tsv (counted from the files independently) and from
gpxpy, a peer reader, for the per-track detail.
"""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import gpxpy
import numpy as np
import pytest

from saathi.tracks.read import read_track
from tests.paths import REPO_ROOT, TESTDATA


def _gpx_structure_rows() -> list[dict[str, str]]:
    with (TESTDATA / "REFERENCE.tsv").open(newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [r for r in rows if r["scope"] == "gpx_structure" and "/gpx/" in r["file"]]


def _path(row: dict[str, str]) -> Path:
    return REPO_ROOT / row["file"]


@pytest.mark.parametrize("row", _gpx_structure_rows(), ids=lambda r: Path(r["file"]).name)
def test_it_reads_every_point_and_the_first_time_of_each_reference_gpx(row: dict[str, str]):
    track = read_track(_path(row))

    assert track.format == "gpx"
    assert len(track) == int(row["n_points"])
    expected = datetime.fromisoformat(row["start_time_utc"])
    assert track.start_time is not None
    assert abs((track.start_time - expected).total_seconds()) < 0.001


def _gpxpy_tracks(path: Path) -> list[list[gpxpy.gpx.GPXTrackPoint]]:
    with path.open() as handle:
        parsed = gpxpy.parse(handle)
    return [[p for s in t.segments for p in s.points] for t in parsed.tracks]


def test_it_joins_the_tracks_of_korita_zbevnica_with_a_break_at_each():
    path = TESTDATA / "gpx" / "korita-zbevnica.gpx"
    tracks = _gpxpy_tracks(path)
    track = read_track(path)

    # gpxpy's own test: four tracks, the first empty, the second without times.
    assert len(tracks) == 4 and len(tracks[0]) == 0
    sizes = [len(points) for points in tracks if points]
    assert track.breaks == list(np.cumsum(sizes)[:-1])
    no_times = track.time[: track.breaks[0]]
    assert np.isnan(no_times).all()
    assert np.isfinite(track.time[track.breaks[0] :]).all()


def test_it_records_each_later_segment_of_a_track_as_a_break():
    # Friday-Evening-Run.gpx: one track of three segments (REFERENCE.tsv notes).
    path = TESTDATA / "gpx" / "Friday-Evening-Run.gpx"
    with path.open() as handle:
        segments = gpxpy.parse(handle).tracks[0].segments
    track = read_track(path)

    assert len(segments) == 3
    sizes = [len(s.points) for s in segments]
    assert track.breaks == [sizes[0], sizes[0] + sizes[1]]


@pytest.mark.parametrize(
    "name",
    [
        "activity_4078723797.gpx",
        "4078723797_strava.gpx",
        "opentracks_2025-08-31_Zwin_und_Nieuwvliet.gpx",
    ],
)
def test_its_positions_elevations_and_times_match_gpxpy_point_for_point(name: str):
    path = TESTDATA / "gpx" / name
    points = [p for t in _gpxpy_tracks(path) for p in t]
    track = read_track(path)

    assert len(track) == len(points)
    assert np.array_equal(track.lat, [p.latitude for p in points])
    assert np.array_equal(track.lon, [p.longitude for p in points])
    assert np.array_equal(track.alt, [p.elevation for p in points])
    assert np.allclose(track.time, [p.time.timestamp() for p in points], rtol=0, atol=1e-6)


def test_every_gpx_in_the_test_data_loads():
    paths = sorted((TESTDATA / "gpx").iterdir())
    assert paths
    for path in paths:
        track = read_track(path)
        assert len(track) > 0, path.name
        assert track.has_position, path.name

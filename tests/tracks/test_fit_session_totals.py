"""Each session's totals are the device's own figures, as REFERENCE.tsv lists them (read
with fitdecode and garmin-fit-sdk), and each session selects its own samples."""

from __future__ import annotations

import csv
import gzip
from datetime import datetime

import numpy as np
import pytest

from saathi.tracks.fit import FIT_EPOCH, read_fit
from saathi.tracks.track import Track
from tests.paths import REPO_ROOT, TESTDATA

FIGURES = {
    "total_distance_m": "distance_m",
    "total_timer_time_s": "timer_s",
    "total_elapsed_time_s": "elapsed_s",
    "total_ascent_m": "ascent_m",
    "total_descent_m": "descent_m",
    "avg_speed_mps": "avg_speed_mps",
    "max_speed_mps": "max_speed_mps",
    "avg_heart_rate_bpm": "avg_hr",
}


def _rows() -> list[dict[str, str]]:
    with open(TESTDATA / "REFERENCE.tsv", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [r for r in rows if r["scope"].startswith("fit_session[")]


_cache: dict[str, Track] = {}


def _track(path: str) -> Track:
    if path not in _cache:
        data = (REPO_ROOT / path).read_bytes()
        _cache[path] = read_fit(gzip.decompress(data) if path.endswith(".gz") else data)
    return _cache[path]


def _session_number(scope: str) -> tuple[int, int]:
    number, _, of = scope.removeprefix("fit_session[").partition("]")
    return int(number), int(of.split()[-1]) if of.strip() else 1


@pytest.mark.parametrize("row", _rows(), ids=lambda r: f"{r['file'].split('/')[-1]}-{r['scope']}")
def test_session_totals_equal_the_devices_figures(row: dict[str, str]) -> None:
    track = _track(row["file"])
    index, count = _session_number(row["scope"])
    assert len(track.sessions) == count
    session = track.sessions[index]
    for column, name in FIGURES.items():
        expected = row[column]
        value = getattr(session.totals, name)
        if expected == "":
            assert value is None, name
        else:
            assert value == pytest.approx(float(expected), abs=1e-3), name
    assert session.sport == row["sport"]
    if row["sub_sport"]:
        assert session.sub_sport == row["sub_sport"]


@pytest.mark.parametrize("row", _rows(), ids=lambda r: f"{r['file'].split('/')[-1]}-{r['scope']}")
def test_session_start_laps_and_points_match_the_reference(row: dict[str, str]) -> None:
    track = _track(row["file"])
    index, _count = _session_number(row["scope"])
    session = track.sessions[index]
    start = row["start_time_utc"]
    if start.isdigit():  # a device-relative time, written raw
        assert session.start == int(start) + FIT_EPOCH
    else:
        assert session.start == datetime.fromisoformat(start.replace("Z", "+00:00")).timestamp()
    if row["n_laps"]:
        assert len(track.session_track(index).laps) == int(row["n_laps"])
    if row["n_points"]:
        assert len(track) == int(row["n_points"].split()[0])


@pytest.mark.parametrize(
    "name", ["sample_mulitple_header.fit", "triathlon_summary_first.fit", "6471559601_ACTIVITY.fit"]
)
def test_the_sessions_of_a_multisport_file_cover_every_sample(name: str) -> None:
    track = read_fit((TESTDATA / "fit" / name).read_bytes())
    covered = np.zeros(len(track), bool)
    for session in track.sessions:
        covered |= (track.time >= session.start) & (track.time <= session.end)
    assert covered.all()
    for i, session in enumerate(track.sessions):
        part = track.session_track(i)
        assert len(part) > 0
        assert part.sport == session.sport and part.totals is session.totals


def test_a_multisport_files_totals_combine_its_sessions() -> None:
    track = read_fit((TESTDATA / "fit" / "sample_mulitple_header.fit").read_bytes())
    assert track.totals is not None
    # REFERENCE.tsv: the five sessions' distances and timer times, summed by hand.
    assert track.totals.distance_m == pytest.approx(1644.71 + 141.7 + 40909.42 + 31.93 + 9805.92)
    assert track.totals.timer_s == pytest.approx(1987.521 + 170.269 + 4422.14 + 60.724 + 2850.694)
    assert track.totals.max_speed_mps == pytest.approx(11.197)
    assert track.sport == "swimming" and track.sub_sport == "open_water"

"""TCX laps keep the device's own totals, and the file's totals combine them.

Expected values: REFERENCE.tsv `tcx_lap_totals` rows (sums over each file's <Lap> totals,
computed independently) and tcxreader's own test assertions cited there.
"""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import pytest

from saathi.tracks.read import read_track
from tests.paths import REPO_ROOT, TESTDATA


def _rows(scope: str) -> list[dict[str, str]]:
    with (TESTDATA / "REFERENCE.tsv").open(newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [r for r in rows if r["scope"].startswith(scope) and "/tcx/" in r["file"]]


def _path(row: dict[str, str]) -> Path:
    return REPO_ROOT / row["file"]


@pytest.mark.parametrize("row", _rows("tcx_lap_totals"), ids=lambda r: Path(r["file"]).name)
def test_its_totals_are_the_sums_of_the_files_own_laps(row: dict[str, str]):
    track = read_track(_path(row))
    totals = track.totals

    assert totals is not None
    assert len(track.laps) == int(row["n_laps"])
    assert len(track) == int(row["n_points"])
    assert totals.distance_m == pytest.approx(float(row["total_distance_m"]), abs=0.01)
    assert totals.timer_s == pytest.approx(float(row["total_timer_time_s"]), abs=0.01)
    if row["max_speed_mps"]:
        assert totals.max_speed_mps == pytest.approx(float(row["max_speed_mps"]), abs=0.001)
    if row["avg_heart_rate_bpm"]:
        assert totals.avg_hr == pytest.approx(float(row["avg_heart_rate_bpm"]), abs=0.05)
    calories = float(row["notes"].split("Calories sum ")[1].split(";")[0])
    # REFERENCE.tsv truncates (mapmyride's 457.99999974 is written 457; tcxreader says 458).
    assert totals.calories == pytest.approx(calories, abs=1.0)


@pytest.mark.parametrize("row", _rows("tcx_lap_totals"), ids=lambda r: Path(r["file"]).name)
def test_its_session_starts_at_the_activity_id(row: dict[str, str]):
    track = read_track(_path(row))
    expected = datetime.fromisoformat(row["start_time_utc"]).timestamp()

    assert len(track.sessions) == 1
    assert track.sessions[0].start == pytest.approx(expected, abs=0.001)


def test_laps_keep_each_lap_figure_and_trigger():
    track = read_track(TESTDATA / "tcx" / "activity_4801048867.tcx")
    first = track.laps[0]

    # As written in the file's first <Lap>.
    assert first.start == datetime.fromisoformat("2020-04-18T11:10:44+00:00").timestamp()
    assert first.totals.timer_s == 800.0 and first.totals.distance_m == 5000.0
    assert first.totals.avg_hr == 116 and first.totals.max_hr == 135
    assert first.totals.calories == 111 and first.trigger == "manual"
    assert first.end >= first.start + 800.0
    assert track.sport == "cycling" and track.device == "Garmin Forerunner 935"


def test_cross_country_skiing_has_two_laps_as_tcxreader_asserts():
    track = read_track(TESTDATA / "tcx" / "cross-country-skiing_activity_1.tcx")
    assert len(track.laps) == 2
    assert track.sport == "generic"  # Sport="Other"

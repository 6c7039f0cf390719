"""`saathi inspect FILE... [--json]`: per-file summary or JSON lines; failures on stderr."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from saathi.tracks.inspect import COMPUTED_KEYS, DEVICE_KEYS, main
from tests.paths import REPO_ROOT, TESTDATA

RUN = TESTDATA / "fit" / "garmin-stamina.fit"
TRIATHLON = TESTDATA / "fit" / "sample_mulitple_header.fit"
GPX = TESTDATA / "gpx" / "activity_4801048867.gpx"
TCX = TESTDATA / "tcx" / "3173437224.tcx"

KEYS = {
    "file", "format", "sport", "sub_sport", "start_time", "timezone", "device", "points",
    "title", "start_place", "end_place", "device_totals", "computed", "laps", "splits_km",
    "splits_mile", "best_efforts", "warnings",
}  # fmt: skip


def _reference(name: str, scope: str = "fit_session[0]") -> dict[str, str]:
    with (TESTDATA / "REFERENCE.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["file"].endswith(name) and row["scope"] == scope:
                return row
    raise LookupError(name)


def _json_lines(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict]]:
    status = main([*args, "--json"])
    out = capsys.readouterr().out
    return status, [json.loads(line) for line in out.splitlines()]


def test_it_prints_one_json_object_per_file_with_the_documented_keys(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, records = _json_lines(capsys, str(RUN), str(GPX), str(TCX))
    assert status == 0
    assert [r["format"] for r in records] == ["fit", "gpx", "tcx"]
    for record in records:
        assert set(record) - {"sessions"} == KEYS
        assert set(record["computed"]) == set(COMPUTED_KEYS)
        assert record["start_time"].endswith("Z")


def test_device_totals_are_the_files_own(capsys: pytest.CaptureFixture[str]) -> None:
    _, [record] = _json_lines(capsys, str(RUN))
    reference = _reference("garmin-stamina.fit")
    assert set(record["device_totals"]) == set(DEVICE_KEYS)
    assert record["device_totals"]["distance_m"] == pytest.approx(
        float(reference["total_distance_m"]), abs=0.01
    )
    assert record["device_totals"]["timer_s"] == pytest.approx(
        float(reference["total_timer_time_s"]), abs=0.01
    )
    assert record["start_time"] == reference["start_time_utc"]
    assert record["sport"] == reference["sport"]


def test_a_gpx_file_has_no_device_totals_but_computed_ones(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, [record] = _json_lines(capsys, str(GPX))
    assert record["device_totals"] is None
    # The same ride's FIT session says 36,322.85 m; a GPX export lands close to it.
    assert record["computed"]["distance_m"] == pytest.approx(36322.85, rel=0.02)


def test_a_multisport_file_lists_its_sessions(capsys: pytest.CaptureFixture[str]) -> None:
    _, [record] = _json_lines(capsys, str(TRIATHLON))
    sports = [s["sport"] for s in record["sessions"]]
    expected = [_reference(TRIATHLON.name, f"fit_session[{i}] of 5")["sport"] for i in range(5)]
    assert sports == expected
    bike = record["sessions"][2]
    assert bike["device_totals"]["distance_m"] == pytest.approx(40909.42, abs=0.01)


def test_an_unreadable_file_costs_one_line_on_stderr_and_exit_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.fit"
    junk.write_bytes(b"this is not an activity file at all")
    missing = tmp_path / "missing.gpx"
    status = main([str(junk), str(RUN), str(missing), "--json"])
    captured = capsys.readouterr()
    assert status == 2
    assert len(captured.out.splitlines()) == 1  # the good file is still shown
    errors = captured.err.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"{junk}: ") and errors[1].startswith(f"{missing}: ")


def test_the_summary_shows_the_device_figure_before_saathis(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main([str(RUN)]) == 0
    out = capsys.readouterr().out
    header = next(line for line in out.splitlines() if "device" in line and "Saathi" in line)
    assert header.index("device") < header.index("Saathi")
    distance = next(line for line in out.splitlines() if line.strip().startswith("Distance"))
    assert distance.split()[1:3] == ["11.23", "km"]  # the device's 11,232.7 m, shown first
    assert "Garmin" in out


def test_the_command_runs_without_importing_django() -> None:
    probe = (
        "import sys; from saathi.tracks.inspect import main; "
        f"status = main([{str(RUN)!r}, '--json']); "
        "assert 'django' not in sys.modules, 'django was imported'; sys.exit(status)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["format"] == "fit"


def test_python_dash_m_runs_it() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "saathi.tracks.inspect", str(RUN), "--json"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["points"] > 0


def test_a_failure_in_the_figures_is_reported_like_an_unreadable_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import saathi.tracks.figures

    real_compute = saathi.tracks.figures.compute

    def compute(track, **kwargs):  # type: ignore[no-untyped-def]
        if track.format == "gpx":
            raise ZeroDivisionError("a bug")
        return real_compute(track, **kwargs)

    monkeypatch.setattr(saathi.tracks.figures, "compute", compute)
    status = main([str(GPX), str(RUN), "--json"])
    captured = capsys.readouterr()
    assert status == 2
    assert [json.loads(line)["format"] for line in captured.out.splitlines()] == ["fit"]
    assert captured.err == f"{GPX}: Saathi failed on this file (ZeroDivisionError: a bug)\n"


def test_start_times_keep_the_milliseconds_a_file_has(capsys: pytest.CaptureFixture[str]) -> None:
    files = ["gpx/Friday-Evening-Run.gpx", "gpx/korita-zbevnica.gpx"]
    _, records = _json_lines(capsys, *(str(TESTDATA / name) for name in files))
    for name, record in zip(files, records, strict=True):
        assert record["start_time"] == _reference(name, "gpx_structure")["start_time_utc"]

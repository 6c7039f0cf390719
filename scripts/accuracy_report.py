"""Generate docs/accuracy.md: Saathi's computed figures against the devices' own totals.

    python scripts/accuracy_report.py          # rewrites docs/accuracy.md
    python scripts/accuracy_report.py --stdout

For every row of tests/data/REFERENCE.tsv that carries device (or Strava) totals: the
device's figure, Saathi's figure computed from the samples (never the copied totals),
its error, and beside them the same figures computed the way FitTrackee computes them
with gpxpy (FIT and TCX files first converted to a gpxpy track, as FitTrackee does).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import statistics
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "accuracy.md"

sys.path.insert(0, str(ROOT))

from saathi.tracks.figures import compute  # noqa: E402
from saathi.tracks.read import read_track  # noqa: E402
from saathi.tracks.track import Track, TrackError  # noqa: E402
from tests.paths import TESTDATA  # noqa: E402

# (Saathi's Totals field, REFERENCE.tsv column, label)
FIGURES = (
    ("distance_m", "total_distance_m", "distance (m)"),
    ("timer_s", "total_timer_time_s", "timer (s)"),
    ("elapsed_s", "total_elapsed_time_s", "elapsed (s)"),
    ("ascent_m", "total_ascent_m", "ascent (m)"),
    ("descent_m", "total_descent_m", "descent (m)"),
    ("avg_speed_mps", "avg_speed_mps", "avg speed (m/s)"),
    ("max_speed_mps", "max_speed_mps", "max speed (m/s)"),
    ("avg_hr", "avg_heart_rate_bpm", "avg HR (bpm)"),
)
# FitTrackee's default gpxpy stopped-speed threshold is 1 km/h, and 0.1 km/h for these
# sports (its docs, "Features > Sports").
SLOW_SPORTS = {"walking", "hiking", "trail_running", "swimming", "cross_country_skiing"}


def _within(tolerance: Callable[[float], float]) -> Callable[[float, float], bool]:
    return lambda device, value: abs(value - device) <= tolerance(device)


# The bounds Saathi holds its computed figures to, against the device's own totals; 10 %
# or 15 m of ascent is the match its elevation method was tuned to. Ascent counts only
# where the device measured barometric altitude.
BOUNDS: dict[str, tuple[str, Callable[[float, float], bool]]] = {
    "distance_m": ("1 % or 20 m", _within(lambda d: max(0.01 * abs(d), 20.0))),
    "timer_s": ("0.5 % or 2 s", _within(lambda d: max(0.005 * abs(d), 2.0))),
    "elapsed_s": ("1 s", _within(lambda d: 1.0)),
    "ascent_m": ("10 % or 15 m", _within(lambda d: max(0.1 * abs(d), 15.0))),
}


@dataclass
class Row:
    file: str
    scope: str
    sport: str
    device: dict[str, float]
    start: datetime | None


def reference_rows() -> list[Row]:
    rows = []
    with (TESTDATA / "REFERENCE.tsv").open(encoding="utf-8") as handle:
        for raw in csv.DictReader(handle, delimiter="\t"):
            device = {
                field: float(raw[column])
                for field, column, _ in FIGURES
                if raw.get(column, "").strip()
            }
            if not device:
                continue
            start = raw["start_time_utc"].strip()
            rows.append(
                Row(
                    file=raw["file"].removeprefix("tests/data/"),
                    scope=raw["scope"],
                    sport=raw["sport"].lower(),
                    device=device,
                    start=_parse_time(start),
                )
            )
    return rows


def _parse_time(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None  # e.g. a device-relative FIT time, not a date


def session_index(scope: str) -> int | None:
    """`fit_session[2] of 7` -> 2; a single session or an export -> None (the whole file)."""
    if scope.startswith("fit_session[") and " of " in scope:
        return int(scope.split("[", 1)[1].split("]", 1)[0])
    return None


# ---------------------------------------------------------------------------
# Saathi's side
# ---------------------------------------------------------------------------


def saathi_figures(track: Track, row: Row) -> tuple[dict[str, float | None], str]:
    """Saathi's computed figures for the row's scope, and the altitude source it used."""
    index = session_index(row.scope)
    part = track.session_track(index) if index is not None else track
    figures = compute(part)
    values = {field: getattr(figures.totals, field) for field, _, _ in FIGURES}
    return values, figures.altitude_source


# ---------------------------------------------------------------------------
# The FitTrackee way: a gpxpy track, get_moving_data, get_uphill_downhill
# ---------------------------------------------------------------------------


@dataclass
class Sample:
    time: datetime
    lat: float
    lon: float
    alt: float | None
    hr: float | None


def _fit_samples(data: bytes) -> list[Sample]:
    import fitdecode

    samples = []
    with fitdecode.FitReader(io.BytesIO(data)) as reader:
        for frame in reader:
            if not (isinstance(frame, fitdecode.FitDataMessage) and frame.name == "record"):
                continue
            values = {field.name: field.value for field in frame.fields}
            lat, lon = values.get("position_lat"), values.get("position_long")
            moment = values.get("timestamp")
            if lat is None or lon is None or not isinstance(moment, datetime):
                continue  # FitTrackee keeps only points with a position
            alt = values.get("enhanced_altitude", values.get("altitude"))
            samples.append(
                Sample(moment, lat * 180 / 2**31, lon * 180 / 2**31, alt, values.get("heart_rate"))
            )
    return samples


def _tcx_samples(path: Path) -> list[Sample]:
    from tcxreader.tcxreader import TCXReader

    return [
        Sample(
            p.time.replace(tzinfo=p.time.tzinfo or UTC),
            p.latitude,
            p.longitude,
            p.elevation,
            p.hr_value,
        )
        for p in TCXReader().read(str(path)).trackpoints
        if p.latitude is not None and p.longitude is not None and p.time is not None
    ]


def _gpx_track(samples: list[Sample]) -> object:
    import gpxpy.gpx

    track, segment = gpxpy.gpx.GPXTrack(), gpxpy.gpx.GPXTrackSegment()
    track.segments.append(segment)
    segment.points = [
        gpxpy.gpx.GPXTrackPoint(s.lat, s.lon, elevation=s.alt, time=s.time) for s in samples
    ]
    return track


def _open(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def peer_track(path: Path, row: Row, session: tuple[float, float] | None) -> tuple[object, list]:
    """The gpxpy track FitTrackee would analyse, and its heart-rate samples."""
    import gpxpy

    name = path.name.removesuffix(".gz")
    if name.endswith(".gpx"):
        gpx = gpxpy.parse(_open(path).decode("utf-8-sig").lstrip())
        track = gpx.tracks[0]  # FitTrackee analyses the first track
        hrs = [
            float(child.text)
            for point in track.walk(only_points=True)
            for extension in point.extensions
            for child in extension.iter()
            if child.tag.endswith("}hr") and child.text
        ]
        return track, hrs
    samples = _fit_samples(_open(path)) if name.endswith(".fit") else _tcx_samples(path)
    if session is not None:
        start, end = session
        samples = [s for s in samples if start <= s.time.timestamp() <= end]
    return _gpx_track(samples), [s.hr for s in samples if s.hr is not None]


def fittrackee_figures(track: object, hrs: list, sport: str) -> dict[str, float | None]:
    threshold = 0.1 if sport in SLOW_SPORTS else 1.0
    moving = track.get_moving_data(stopped_speed_threshold=threshold)  # type: ignore[attr-defined]
    if moving is None:
        return {}
    distance = moving.moving_distance + moving.stopped_distance
    has_elevation = track.get_elevation_extremes().maximum  # type: ignore[attr-defined]
    hill = track.get_uphill_downhill() if has_elevation else None  # type: ignore[attr-defined]
    return {
        "distance_m": distance,
        # FitTrackee has no timer time: its moving time is what it divides distance by.
        "timer_s": moving.moving_time,
        "elapsed_s": track.get_duration(),  # type: ignore[attr-defined]
        "ascent_m": hill.uphill if hill else None,
        "descent_m": hill.downhill if hill else None,
        "avg_speed_mps": distance / moving.moving_time if moving.moving_time else None,
        "max_speed_mps": moving.max_speed,
        "avg_hr": statistics.mean(hrs) if hrs else None,
    }


# ---------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------


@dataclass
class Result:
    row: Row
    saathi: dict[str, float | None]
    peer: dict[str, float | None]
    altitude_source: str
    problem: str = ""
    warnings: tuple[str, ...] = ()


def measure(row: Row, tracks: dict[str, Track | str]) -> Result:
    path = TESTDATA / row.file
    if row.file not in tracks:
        try:
            tracks[row.file] = read_track(path)
        except TrackError as error:
            tracks[row.file] = error.message
    track = tracks[row.file]
    if isinstance(track, str):
        return Result(row, {}, {}, "", problem=f"Saathi could not read it: {track}")
    saathi, source = saathi_figures(track, row)
    window = None
    if session_index(row.scope) is not None and row.start and "elapsed_s" in row.device:
        start = row.start.timestamp()
        window = (start, start + row.device["elapsed_s"])
    peer: dict[str, float | None]
    try:
        peer = fittrackee_figures(*peer_track(path, row, window), row.sport)
    except Exception as error:  # a peer failing on a file is a finding, not a crash
        peer, problem = {}, f"The FitTrackee way failed on this file: {error!r}."
    else:
        problem = ""
    return Result(row, saathi, peer, source, problem, tuple(track.warnings))


def _applies(field: str, result: Result) -> bool:
    if field not in BOUNDS or field not in result.row.device:
        return False
    if result.row.scope.startswith(("same_activity", "strava")):
        return False  # export files and Strava's summary: shown, not held to the bounds
    return field != "ascent_m" or result.altitude_source == "barometric"


def _check(field: str, result: Result, value: float | None) -> str:
    if not _applies(field, result):
        return ""
    device = result.row.device[field]
    if value is None:
        # Nothing to compute from (an indoor ride has no distance) agrees with a device 0.
        return " ✓" if device == 0 else " ✗"
    return " ✓" if BOUNDS[field][1](device, value) else " ✗"


def _error(device: float, value: float | None) -> str:
    if value is None:
        return "-"
    difference = value - device
    relative = f" ({difference / device * 100:+.2f} %)" if device else ""
    return f"{difference:+.1f}{relative}"


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}".rstrip("0").rstrip(".")


def file_section(result: Result) -> list[str]:
    row = result.row
    title = f"### `{row.file}` — {row.scope}, {row.sport or 'sport not given'}"
    if result.problem and not result.saathi:
        return [title, "", result.problem, ""]
    lines = [title, "", f"- Altitude source as Saathi judged it: {result.altitude_source}."]
    lines += [f"- Saathi's reader warned: {warning}" for warning in result.warnings]
    if result.problem:
        lines.append(f"- {result.problem}")
    lines += [
        "",
        "| figure | device | Saathi | Saathi error | FitTrackee way | its error |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for field, _, label in FIGURES:
        if field not in row.device:
            continue
        device = row.device[field]
        mine, theirs = result.saathi.get(field), result.peer.get(field)
        lines.append(
            f"| {label} | {_number(device)} | {_number(mine)} | "
            f"{_error(device, mine)}{_check(field, result, mine)} | {_number(theirs)} | "
            f"{_error(device, theirs)}{_check(field, result, theirs)} |"
        )
    return [*lines, ""]


def summary(results: list[Result]) -> list[str]:
    lines = [
        "| bound | files held to it | Saathi within | FitTrackee way within |",
        "|---|---:|---:|---:|",
    ]
    for field, (words, _) in BOUNDS.items():
        held = [r for r in results if _applies(field, r)]
        ours = sum(1 for r in held if _check(field, r, r.saathi.get(field)) == " ✓")
        theirs = sum(1 for r in held if _check(field, r, r.peer.get(field)) == " ✓")
        lines.append(f"| {field}: {words} | {len(held)} | {ours} | {theirs} |")
    return lines


def report(results: list[Result]) -> str:
    head = [
        "# Accuracy: Saathi's figures against the devices'",
        "",
        f"Generated by `make accuracy` (`python scripts/accuracy_report.py`) on "
        f"{datetime.now(UTC):%Y-%m-%d} from `tests/data/REFERENCE.tsv`: every row that "
        "carries a device's (or Strava's) own totals. Do not edit by hand.",
        "",
        "- **device**: the file's own totals (FIT session, summed TCX laps; for a GPX/TCX "
        "export, the FIT session of the same recording; for the Strava export, Strava's "
        "summary).",
        "- **Saathi**: `saathi.tracks.figures.compute` on the samples, never the copied totals.",
        "- **FitTrackee way**: gpxpy as FitTrackee uses it: the first track, "
        "`get_moving_data(stopped_speed_threshold=1 km/h, 0.1 for walking/hiking/trail/"
        "swimming/XC skiing)`, distance = moving + stopped distance, `get_duration()`, "
        "`get_uphill_downhill()`, average speed = distance / moving time. FIT files are first "
        "converted to a gpxpy track from fitdecode's records (points with a position), TCX "
        "files from tcxreader's trackpoints. FitTrackee has no timer time; its moving time "
        "is shown in the timer row.",
        "- ✓/✗: within the bound Saathi holds its own figures to (distance 1 % or 20 m, "
        "timer 0.5 % or 2 s, elapsed 1 s, ascent 10 % or 15 m where the altitude is "
        "barometric). Export "
        "files and Strava's summary are shown, not held to the bounds.",
        "",
        "## Summary",
        "",
        *summary(results),
        "",
        "## Files",
        "",
    ]
    body = [line for result in results for line in file_section(result)]
    return "\n".join(head + body).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate docs/accuracy.md.")
    parser.add_argument("--stdout", action="store_true", help="print instead of writing")
    args = parser.parse_args(argv)
    tracks: dict[str, Track | str] = {}
    results = []
    for row in reference_rows():
        print(f"{row.file} {row.scope}", file=sys.stderr, flush=True)
        results.append(measure(row, tracks))
    text = report(results)
    if args.stdout:
        print(text, end="")
    else:
        DOC.parent.mkdir(parents=True, exist_ok=True)
        DOC.write_text(text, encoding="utf-8")
        print(f"Wrote {DOC.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How fast Saathi reads a track and computes all its figures, against the peers.

    python bench/tracks.py            # prints the table and rewrites docs/performance.md's
                                      # "Track engine" section
    python bench/tracks.py --no-write

Same files for everyone, in one run: the largest FIT, GPX and TCX of the test data
(tests/data), and synthetic ~100,000-point FIT, GPX and TCX files made from a real ride's
records (played forwards and backwards so the route stays continuous). Saathi's time
is read + every figure; the peers' is what they do for an app such as FitTrackee:
fitdecode and garmin-fit-sdk decoding the FIT records, gpxpy parsing plus moving data
plus uphill/downhill, tcxreader reading the TCX. Best of several runs, in CPU time.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import struct
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.paths import TESTDATA  # noqa: E402

DOC = ROOT / "docs" / "performance.md"
SOURCE = TESTDATA / "fit" / "4078723797.fit"  # a 2 h 19 min ride, 1 Hz, HR, power, cadence
SYNTHETIC_POINTS = 100_000
FIT_EPOCH = 631065600  # 1989-12-31T00:00:00Z in Unix seconds
GOALS = {"fit": ("fitdecode", 20.0), "gpx": ("gpxpy", 10.0), "tcx": ("tcxreader", 4.0)}


# ---------------------------------------------------------------------------
# Synthetic files: one real ride's records, repeated
# ---------------------------------------------------------------------------

RECORD_FIELDS = ("position_lat", "position_long", "altitude", "heart_rate", "cadence")
RECORD_FIELDS += ("power", "speed", "temperature", "distance")


def ride_records(path: Path) -> dict[str, np.ndarray]:
    """The raw record values of a real file, decoded once by fitdecode."""
    import fitdecode

    columns: dict[str, list[float]] = {name: [] for name in ("timestamp", *RECORD_FIELDS)}
    with fitdecode.FitReader(str(path)) as reader:
        for frame in reader:
            if not (isinstance(frame, fitdecode.FitDataMessage) and frame.name == "record"):
                continue
            raw = {field.name: field.raw_value for field in frame.fields}
            if raw.get("position_lat") is None:
                continue
            for name, values in columns.items():
                value = raw.get(name)
                values.append(np.nan if value is None or isinstance(value, tuple) else value)
    return {name: np.asarray(values, dtype=float) for name, values in columns.items()}


def ping_pong(records: dict[str, np.ndarray], points: int) -> dict[str, np.ndarray]:
    """`points` samples at 1 Hz: the ride forwards, backwards, forwards... no teleports."""
    n = len(records["timestamp"])
    index = np.arange(points) % (2 * n)
    index = np.where(index < n, index, 2 * n - 1 - index)
    result = {name: values[index] for name, values in records.items()}
    result["timestamp"] = records["timestamp"][0] + np.arange(points, dtype=float)
    # The device distance keeps growing whichever way the ride is played.
    steps = np.abs(np.diff(result["distance"], prepend=result["distance"][0]))
    result["distance"] = records["distance"][0] + np.cumsum(steps)
    return result


def _crc(data: bytes) -> int:
    """The FIT CRC-16 (the SDK's nibble table)."""
    table = (0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401)
    table += (0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400)
    crc = 0
    for byte in data:
        for nibble in (byte & 0xF, byte >> 4):
            tmp = table[crc & 0xF]
            crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ table[nibble]
    return crc


def _definition(local: int, global_number: int, fields: list[tuple[int, int, int]]) -> bytes:
    body = struct.pack("<BBHB", 0, 0, global_number, len(fields))
    return bytes([0x40 | local]) + body + b"".join(struct.pack("BBB", *f) for f in fields)


def write_fit(path: Path, r: dict[str, np.ndarray]) -> None:
    fit_time = (r["timestamp"]).astype(np.uint32)
    start, end = int(fit_time[0]), int(fit_time[-1])
    parts = [
        _definition(0, 0, [(0, 1, 0x00), (1, 2, 0x84), (2, 2, 0x84), (4, 4, 0x86)]),
        bytes([0]) + struct.pack("<BHHI", 4, 255, 0, start),  # file_id: an activity
    ]
    layout = [("h", "u1"), ("t", "<u4"), ("lat", "<i4"), ("lon", "<i4"), ("alt", "<u2")]
    layout += [("hr", "u1"), ("cad", "u1"), ("pow", "<u2"), ("spd", "<u2"), ("tmp", "i1")]
    record = np.zeros(len(fit_time), dtype=[*layout, ("dist", "<u4")])
    record["h"], record["t"] = 1, fit_time  # header byte: data message, local type 1
    for name, key in (("lat", "position_lat"), ("lon", "position_long"), ("alt", "altitude")):
        record[name] = np.nan_to_num(r[key]).astype(record[name].dtype)
    for name, key in (("hr", "heart_rate"), ("cad", "cadence"), ("pow", "power")):
        record[name] = np.nan_to_num(r[key]).astype(record[name].dtype)
    record["spd"], record["tmp"] = np.nan_to_num(r["speed"]), np.nan_to_num(r["temperature"])
    record["dist"] = r["distance"]
    fields = [(253, 4, 0x86), (0, 4, 0x85), (1, 4, 0x85), (2, 2, 0x84), (3, 1, 0x02)]
    fields += [(4, 1, 0x02), (7, 2, 0x84), (6, 2, 0x84), (13, 1, 0x01), (5, 4, 0x86)]
    parts += [_definition(1, 20, fields), record.tobytes()]
    session = [(253, 4, 0x86), (2, 4, 0x86), (5, 1, 0x00), (7, 4, 0x86), (8, 4, 0x86)]
    parts += [_definition(2, 18, [*session, (9, 4, 0x86)])]
    seconds_ms = (end - start + 1) * 1000
    distance_cm = int(record["dist"][-1] - record["dist"][0])
    parts += [
        bytes([2]) + struct.pack("<IIBIII", end, start, 2, seconds_ms, seconds_ms, distance_cm)
    ]
    data = b"".join(parts)
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(data), b".FIT")
    header += struct.pack("<H", _crc(header))
    path.write_bytes(header + data + struct.pack("<H", _crc(header + data)))


def _iso(fit_seconds: float) -> str:
    moment = datetime.fromtimestamp(fit_seconds + FIT_EPOCH, tz=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def write_gpx(path: Path, r: dict[str, np.ndarray]) -> None:
    lat, lon = r["position_lat"] * 180 / 2**31, r["position_long"] * 180 / 2**31
    alt = r["altitude"] / 5 - 500
    points = [
        f'<trkpt lat="{lat[i]:.7f}" lon="{lon[i]:.7f}"><ele>{alt[i]:.1f}</ele>'
        f"<time>{_iso(r['timestamp'][i])}</time><extensions><gpxtpx:TrackPointExtension>"
        f"<gpxtpx:atemp>{r['temperature'][i]:.0f}</gpxtpx:atemp><gpxtpx:hr>{r['heart_rate'][i]:.0f}"
        f"</gpxtpx:hr><gpxtpx:cad>{r['cadence'][i]:.0f}</gpxtpx:cad>"
        "</gpxtpx:TrackPointExtension></extensions></trkpt>\n"
        for i in range(len(lat))
    ]
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="bench" '
        'xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">\n'
        "<trk><name>Synthetic ride</name><type>cycling</type><trkseg>\n"
    )
    path.write_text(head + "".join(points) + "</trkseg></trk></gpx>\n", encoding="utf-8")


def write_tcx(path: Path, r: dict[str, np.ndarray]) -> None:
    lat, lon = r["position_lat"] * 180 / 2**31, r["position_long"] * 180 / 2**31
    alt, distance = r["altitude"] / 5 - 500, (r["distance"] - r["distance"][0]) / 100
    points = [
        f"<Trackpoint><Time>{_iso(r['timestamp'][i])}</Time><Position><LatitudeDegrees>"
        f"{lat[i]:.7f}</LatitudeDegrees><LongitudeDegrees>{lon[i]:.7f}</LongitudeDegrees>"
        f"</Position><AltitudeMeters>{alt[i]:.1f}</AltitudeMeters><DistanceMeters>"
        f"{distance[i]:.2f}</DistanceMeters><HeartRateBpm><Value>{r['heart_rate'][i]:.0f}"
        f"</Value></HeartRateBpm><Cadence>{r['cadence'][i]:.0f}</Cadence></Trackpoint>\n"
        for i in range(len(lat))
    ]
    start, seconds = _iso(r["timestamp"][0]), len(lat)
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<TrainingCenterDatabase '
        'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">\n'
        f'<Activities><Activity Sport="Biking"><Id>{start}</Id><Lap StartTime="{start}">'
        f"<TotalTimeSeconds>{seconds}</TotalTimeSeconds><DistanceMeters>{distance[-1]:.2f}"
        "</DistanceMeters><Calories>0</Calories><Intensity>Active</Intensity>"
        "<TriggerMethod>Manual</TriggerMethod><Track>\n"
    )
    tail = "</Track></Lap></Activity></Activities></TrainingCenterDatabase>\n"
    path.write_text(head + "".join(points) + tail, encoding="utf-8")


# ---------------------------------------------------------------------------
# What each contestant does with a file; each returns the number of points it saw
# ---------------------------------------------------------------------------


def fitdecode_records(path: Path) -> int:
    import fitdecode

    rows = []
    with fitdecode.FitReader(str(path)) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "record":
                rows.append({field.name: field.value for field in frame.fields})
    return len(rows)


def garmin_sdk_records(path: Path) -> int:
    from garmin_fit_sdk import Decoder, Stream

    messages, _errors = Decoder(Stream.from_file(str(path))).read()
    return len(messages.get("record_mesgs", []))


def gpxpy_figures(path: Path) -> int:
    import gpxpy

    with path.open(encoding="utf-8") as handle:
        gpx = gpxpy.parse(handle)
    gpx.get_moving_data()
    gpx.get_uphill_downhill()
    return gpx.get_points_no()


def tcxreader_read(path: Path) -> int:
    from tcxreader.tcxreader import TCXReader

    return len(TCXReader().read(str(path)).trackpoints)


PEERS: dict[str, list[tuple[str, Callable[[Path], int]]]] = {
    "fit": [("fitdecode", fitdecode_records), ("garmin-fit-sdk", garmin_sdk_records)],
    "gpx": [("gpxpy", gpxpy_figures)],
    "tcx": [("tcxreader", tcxreader_read)],
}


# ---------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------


@dataclass
class Result:
    name: str
    points: int
    seconds: float
    reading: float = 0.0  # Saathi's: the read's part of `seconds`, in the same run

    @property
    def rate(self) -> float:
        return self.points / self.seconds


def best_of(function: Callable[[Path], int], path: Path, runs: int) -> Result:
    best, points = float("inf"), 0
    for _ in range(runs):
        gc.collect()
        # CPU time of this process: on a machine shared with other jobs, wall time would
        # count their work too. The contestants are single-threaded, so uncontended the
        # two agree.
        started = time.process_time()
        points = function(path)
        best = min(best, time.process_time() - started)
    return Result(function.__name__, points, best)


def best_saathi(path: Path, runs: int) -> Result:
    """Saathi's best run by total time, with that same run's reading part: a total and
    its part taken from different runs could show a part longer than its whole."""
    from saathi.tracks.figures import compute
    from saathi.tracks.read import read_track

    best = Result("saathi", 0, float("inf"))
    for _ in range(runs):
        gc.collect()
        started = time.process_time()
        track = read_track(path)
        read = time.process_time()
        compute(track)
        done = time.process_time()
        if done - started < best.seconds:
            best = Result("saathi", len(track), done - started, read - started)
    return best


def peak_memory(path: Path) -> tuple[int, int]:
    """Peak traced bytes of Saathi's read + figures, and the decoded arrays' own size."""
    from saathi.tracks.figures import compute
    from saathi.tracks.read import read_track
    from saathi.tracks.track import CHANNELS

    gc.collect()
    tracemalloc.start()
    track = read_track(path)
    compute(track)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak, sum(getattr(track, channel).nbytes for channel in CHANNELS)


def cases(scratch: Path) -> list[tuple[str, str, Path]]:
    """(format, label, path): the largest real file of each format, then synthetic ones."""
    found = []
    for kind in ("fit", "gpx", "tcx"):
        files = [p for p in (TESTDATA / kind).iterdir() if p.suffix == f".{kind}"]
        largest = max(files, key=lambda p: p.stat().st_size)
        found.append((kind, largest.name, largest))
    records = ping_pong(ride_records(SOURCE), SYNTHETIC_POINTS)
    for kind, writer in (("fit", write_fit), ("gpx", write_gpx), ("tcx", write_tcx)):
        path = scratch / f"synthetic-{SYNTHETIC_POINTS}.{kind}"
        writer(path, records)
        found.append((kind, f"synthetic {SYNTHETIC_POINTS:,} points", path))
    return found


# ---------------------------------------------------------------------------
# The run and the report
# ---------------------------------------------------------------------------


def machine() -> str:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    # Other work on the machine slows every contestant alike but adds noise: say how much.
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{os.cpu_count()} cores ({model or platform.machine()}), Python "
        f"{platform.python_version()}, numpy {np.__version__}, load average {load:.1f} at start"
    )


def run(runs: int, peer_runs: int) -> list[str]:
    """Times every case; returns the Markdown table rows."""
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for kind, label, path in cases(Path(scratch)):
            mine = best_saathi(path, runs)
            peak, arrays = peak_memory(path)
            size = f"{path.stat().st_size / 1e6:.1f} MB"
            line = f"{kind.upper()} {label} ({size}): Saathi {mine.points:,} points in "
            line += f"{mine.seconds * 1000:.0f} ms (reading {mine.reading * 1000:.0f} ms) = "
            line += f"{mine.rate:,.0f}/s; peak memory "
            line += f"{peak / 1e6:.1f} MB = {peak / arrays:.1f}x the arrays"
            print(line, flush=True)
            for peer_name, peer in PEERS[kind]:
                # The peers take seconds to minutes on a 100,000-point file: one run there.
                theirs = best_of(peer, path, peer_runs if mine.points < 50_000 else 1)
                ratio = theirs.seconds / mine.seconds
                goal_peer, goal = GOALS[kind]
                verdict = ("met" if ratio >= goal else "missed") if peer_name == goal_peer else ""
                print(
                    f"    {peer_name}: {theirs.points:,} points in {theirs.seconds:.2f} s = "
                    f"{theirs.rate:,.0f}/s; Saathi {ratio:.1f}x {verdict}",
                    flush=True,
                )
                rows.append(
                    f"| {kind.upper()} | {label} | {size} | {mine.points:,} | "
                    f"{mine.seconds * 1000:.0f} ms ({mine.reading * 1000:.0f} ms reading) | "
                    f"{mine.rate:,.0f} | {peer_name} | "
                    f"{theirs.seconds * 1000:,.0f} ms | {theirs.rate:,.0f} | **{ratio:.1f}x** | "
                    f"{f'{goal:g}x ' + verdict if verdict else ''} | "
                    f"{peak / 1e6:.1f} MB ({peak / arrays:.1f}x) |"
                )
    return rows


HEADER = (
    "| format | file | size | points | Saathi (read + all figures) | Saathi points/s | peer "
    "| peer time | peer points/s | ratio | goal | Saathi peak memory (x arrays) |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|"
)
START, END = "<!-- tracks-bench:start -->", "<!-- tracks-bench:end -->"


def write_doc(rows: list[str]) -> None:
    section = "\n".join(
        [
            START,
            "## Track engine",
            "",
            f"Generated by `make bench` (`python bench/tracks.py`) on "
            f"{datetime.now(UTC):%Y-%m-%d}, on this project's machine: {machine()}. "
            "In CPU time of the benchmark process, since other jobs may share the machine: "
            "Saathi's best of several runs by total time, the reading part from that same "
            "run; a peer's best of three runs (one run on a 100,000-point file).",
            "",
            "Saathi's time is `read_track` + `figures.compute` (distance, times, elevation, "
            "speeds, splits, best efforts, heart rate, power). The peers' is fitdecode or "
            "garmin-fit-sdk decoding the FIT records into dicts, gpxpy parsing plus "
            "`get_moving_data` plus `get_uphill_downhill`, tcxreader reading the TCX. "
            "Synthetic files replay the records of `fit/4078723797.fit` forwards and "
            "backwards to 100,000 points; their GPX and TCX carry the same points. "
            "Peak memory is tracemalloc's peak during Saathi's read + figures, against the "
            "bytes of the decoded channel arrays.",
            "",
            HEADER,
            *rows,
            END,
        ]
    )
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Performance\n"
    if START in text and END in text:
        before, rest = text.split(START, 1)
        text = before + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--runs", type=int, default=5, help="Saathi's runs per file")
    parser.add_argument("--peer-runs", type=int, default=3, help="a peer's runs per real file")
    args = parser.parse_args(argv)
    print(f"Machine: {machine()}", flush=True)
    rows = run(args.runs, args.peer_runs)
    if not args.no_write:
        write_doc(rows)
        print(f"Wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`saathi inspect FILE... [--json]`: what Saathi reads in activity files, without a database.

For each file: what it is, when and where it started, a title, and the figures twice,
the device's first (what the watch showed) and Saathi's own computation beside them.
An unreadable file costs one line on stderr; the others are still shown. Exit status 2
when any file failed. Never imports Django: it runs where no settings exist.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np

from saathi.tracks.places import Place, nearest_place
from saathi.tracks.read import read_track
from saathi.tracks.timezones import local_timezone
from saathi.tracks.titles import title_for
from saathi.tracks.track import Totals, Track, TrackError

# The device figures a file can carry, and what Saathi adds from the samples.
DEVICE_KEYS = (
    "distance_m",
    "timer_s",
    "elapsed_s",
    "ascent_m",
    "descent_m",
    "avg_speed_mps",
    "max_speed_mps",
    "avg_hr",
    "calories",
)
COMPUTED_KEYS = (*DEVICE_KEYS, "moving_s", "max_hr", "avg_cadence", "avg_power")
# Sports whose sub-sport says more than the sport ("training" + "yoga" is yoga).
_VAGUE_SPORTS = {"generic", "training", "fitness_equipment"}

Json = dict[str, Any]


def _number(value: object) -> float | int | None:
    """A JSON-safe number: NaN and infinities (which JSON cannot hold) become null."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        number = float(value)
        return round(number, 3) if math.isfinite(number) else None
    return None


def _clean(value: Any) -> Any:
    """Dataclasses, numpy scalars and NaN made into plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _clean(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {str(key): _clean(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(item) for item in value]
    if isinstance(value, str | bool) or value is None:
        return value
    if isinstance(value, np.ndarray):
        return _clean(value.tolist())
    return _number(value)


def _totals(totals: Totals | None, keys: Sequence[str]) -> Json | None:
    if totals is None or totals.is_empty():
        return None
    return {key: _number(getattr(totals, key)) for key in keys}


def _iso(seconds: float | None) -> str | None:
    if seconds is None or not math.isfinite(seconds):
        return None
    moment = datetime.fromtimestamp(round(seconds, 3), tz=UTC)
    # Milliseconds only when the file has them (phone apps write them, devices do not).
    timespec = "milliseconds" if moment.microsecond else "seconds"
    return moment.isoformat(timespec=timespec).replace("+00:00", "Z")


def _ends(track: Track) -> tuple[tuple[float, float] | None, tuple[float, float] | None]:
    fixes = np.flatnonzero(np.isfinite(track.lat) & np.isfinite(track.lon))
    if fixes.size == 0:
        return None, None
    first, last = int(fixes[0]), int(fixes[-1])
    return (
        (float(track.lat[first]), float(track.lon[first])),
        (float(track.lat[last]), float(track.lon[last])),
    )


def _place(place: Place | None) -> Json | None:
    return None if place is None else _clean(place)


def title_sport(sport: str, sub_sport: str) -> str:
    if sport in _VAGUE_SPORTS and sub_sport not in {"", "generic"}:
        return sub_sport
    return sport


def _laps(track: Track) -> list[Json]:
    return [
        {
            "start_time": _iso(lap.start),
            "end_time": _iso(lap.end),
            "trigger": lap.trigger,
            **_clean(lap.totals.as_dict()),
        }
        for lap in track.laps
    ]


def _figures(track: Track, hr_max: float | None) -> Json:
    """Saathi's own figures for a track (or one session of it)."""
    from saathi.tracks.figures import compute  # the heaviest module: loaded on first use

    figures = compute(track, hr_max=hr_max)
    return {
        "computed": _totals(figures.totals, COMPUTED_KEYS),
        "splits_km": _clean(figures.splits_km),
        "splits_mile": _clean(figures.splits_mile),
        "best_efforts": _clean(figures.best_efforts),
    }


def _sessions(track: Track, hr_max: float | None) -> list[Json]:
    sessions = []
    for index, session in enumerate(track.sessions):
        part = _figures(track.session_track(index), hr_max)
        sessions.append(
            {
                "sport": session.sport,
                "sub_sport": session.sub_sport,
                "start_time": _iso(session.start),
                "device_totals": _totals(session.totals, DEVICE_KEYS),
                "computed": part["computed"],
            }
        )
    return sessions


def describe(
    track: Track, *, file: str, hr_max: float | None = None, default_zone: str = "UTC"
) -> Json:
    """Everything `inspect --json` prints for one file, as plain JSON values."""
    start, end = _ends(track)
    zone = local_timezone(track, default=default_zone)
    start_time = track.start_time
    local_start = start_time.astimezone(ZoneInfo(zone)) if start_time else None
    start_place = nearest_place(*start) if start else None
    end_place = nearest_place(*end) if end else None
    figures = _figures(track, hr_max)
    record: Json = {
        "file": file,
        "format": track.format,
        "sport": track.sport,
        "sub_sport": track.sub_sport,
        "start_time": _iso(start_time.timestamp()) if start_time else None,
        "timezone": zone,
        "device": track.device,
        "points": len(track),
        "title": title_for(
            start=start,
            end=end,
            sport=title_sport(track.sport, track.sub_sport),
            local_start=local_start,
        ),
        "start_place": _place(start_place),
        "end_place": _place(end_place),
        "device_totals": _totals(track.totals, DEVICE_KEYS),
        "computed": figures["computed"],
        "laps": _laps(track),
        "splits_km": figures["splits_km"],
        "splits_mile": figures["splits_mile"],
        "best_efforts": figures["best_efforts"],
        "warnings": list(track.warnings),
    }
    if len(track.sessions) > 1:
        record["sessions"] = _sessions(track, hr_max)
    return record


# ---------------------------------------------------------------------------
# The readable summary
# ---------------------------------------------------------------------------

_FOOT = {"running", "walking", "hiking", "trail_running", "transition"}
_SWIM = {"swimming", "open_water", "lap_swimming"}


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def _speed(mps: float | None, sport: str) -> str:
    """Pace for people on foot and in water, km/h on wheels: as each sport talks."""
    if mps is None:
        return "-"
    if mps <= 0:
        return "0"
    if sport in _FOOT:
        return f"{_duration(1000 / mps)} /km"
    if sport in _SWIM:
        return f"{_duration(100 / mps)} /100 m"
    return f"{mps * 3.6:.1f} km/h"


def _value(key: str, value: float | None, sport: str) -> str:
    if value is None:
        return "-"
    if key == "distance_m":
        return f"{value / 1000:.2f} km"
    if key.endswith("_s"):
        return _duration(value)
    if key.endswith("_mps"):
        return _speed(value, sport)
    if key in {"ascent_m", "descent_m"}:
        return f"{value:.0f} m"
    if key in {"avg_hr", "max_hr"}:
        return f"{value:.0f} bpm"
    if key == "avg_power":
        return f"{value:.0f} W"
    if key == "calories":
        return f"{value:.0f} kcal"
    return f"{value:.0f}"


_LABELS = {
    "distance_m": "Distance",
    "timer_s": "Timer",
    "elapsed_s": "Elapsed",
    "moving_s": "Moving",
    "ascent_m": "Ascent",
    "descent_m": "Descent",
    "avg_speed_mps": "Avg speed",
    "max_speed_mps": "Max speed",
    "avg_hr": "Avg HR",
    "max_hr": "Max HR",
    "avg_cadence": "Cadence",
    "avg_power": "Avg power",
    "calories": "Calories",
}


def _local(record: Json) -> str:
    if not record["start_time"]:
        return "-"
    moment = datetime.fromisoformat(record["start_time"])
    local = moment.astimezone(ZoneInfo(record["timezone"]))
    return f"{local:%Y-%m-%d %H:%M} {record['timezone']} ({moment:%H:%M} UTC)"


def _figure_lines(record: Json) -> list[str]:
    device, computed = record["device_totals"] or {}, record["computed"] or {}
    sport = "multisport" if record.get("sessions") else record["sport"]
    lines = [f"  {'':<11}{'device':>14}  {'Saathi':>14}"]
    for key in (
        "distance_m",
        "timer_s",
        "elapsed_s",
        "moving_s",
        "ascent_m",
        "descent_m",
        "avg_speed_mps",
        "max_speed_mps",
        "avg_hr",
        "max_hr",
        "avg_cadence",
        "avg_power",
        "calories",
    ):
        mine, theirs = computed.get(key), device.get(key)
        if mine is None and theirs is None:
            continue
        shown = _value(key, theirs, sport), _value(key, mine, sport)
        lines.append(f"  {_LABELS[key]:<11}{shown[0]:>14}  {shown[1]:>14}")
    return lines


def _count(n: int, noun: str) -> str:
    return f" · {n} {noun}" + ("" if n == 1 else "s")


def render(record: Json) -> str:
    """The summary a person reads: who recorded what, when, where, and the figures."""
    kind = record["sport"] + (
        f" ({record['sub_sport']})" if record["sub_sport"] not in {"generic", ""} else ""
    )
    if record.get("sessions"):
        kind = "multisport: " + ", ".join(session["sport"] for session in record["sessions"])
    lines = [
        record["file"],
        f"  {record['format'].upper()} · {kind} · {record['device'] or 'unknown device'}",
        f"  Start      {_local(record)}",
        f"  Title      {record['title']}",
        f"  Points     {record['points']:,}"
        + (_count(len(record["laps"]), "lap") if record["laps"] else ""),
        *_figure_lines(record),
    ]
    for session in record.get("sessions", []):
        totals = session["device_totals"] or session["computed"] or {}
        lines.append(
            f"  Session    {session['sport']}: {_value('distance_m', totals.get('distance_m'), '')}"
            f" in {_duration(totals.get('timer_s'))}"
        )
    if record["splits_km"]:
        paces = [
            _duration(split.get("moving_s") or split.get("elapsed_s"))
            for split in record["splits_km"][:10]
        ]
        more = " ..." if len(record["splits_km"]) > 10 else ""
        lines.append(f"  Splits/km  {' '.join(paces)}{more}")
    if record["best_efforts"]:
        efforts = [f"{name} {_duration(s)}" for name, s in record["best_efforts"].items()]
        lines.append(f"  Best       {', '.join(efforts)}")
    lines += [f"  Warning    {warning}" for warning in record["warnings"]]
    return "\n".join(lines) + "\n"


def read(path: Path) -> Track:
    track: Track = read_track(path)
    return track


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="saathi inspect",
        description="Read FIT, GPX or TCX files (also .gz and .zip) and print what Saathi "
        "computes from them, beside the device's own figures.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--json", action="store_true", help="one JSON object per file, per line")
    parser.add_argument("--hr-max", type=float, default=None, help="for heart-rate zones")
    parser.add_argument(
        "--timezone",
        default="UTC",
        help="zone to use when the file has neither positions nor a device offset",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    failed = False
    for name in args.files:
        try:
            track = read(Path(name))
            record = describe(track, file=name, hr_max=args.hr_max, default_zone=args.timezone)
        except TrackError as error:
            print(f"{name}: {error.message}", file=sys.stderr)
            failed = True
            continue
        except OSError as error:
            print(f"{name}: {error.strerror or error}", file=sys.stderr)
            failed = True
            continue
        except Exception as error:
            # A bug in the figures on one odd file must not hide the other files' output.
            kind = type(error).__name__
            print(f"{name}: Saathi failed on this file ({kind}: {error})", file=sys.stderr)
            failed = True
            continue
        if args.json:
            print(json.dumps(record, ensure_ascii=False))
        else:
            print(render(record), end="")
        sys.stdout.flush()
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

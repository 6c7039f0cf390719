"""The headline tiles of an activity page: each figure with where it came from.

The device's figure leads when the file had one; Saathi's own is shown quietly beside
it when the two differ enough for a person to notice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString

from saathi import units as u
from saathi.activities.models import Activity
from saathi.activities.sports import needs_distance, shows_pace
from saathi.tracks.efforts import DISTANCES

Format = Callable[[float | None], SafeString]


@dataclass(frozen=True)
class Tile:
    label: str
    value: SafeString
    source: str  # "device", "saathi" or "manual"
    saathi: SafeString | None = None  # Saathi's figure, when the device's is shown and differs


def headline_tiles(activity: Activity, units: u.Units) -> list[Tile]:
    pace = shows_pace(activity.sport)
    wanted: list[tuple[str, str, Format]] = [
        ("distance_m", "Distance", lambda v: _html(u.distance_parts(v, units))),
        ("moving_s", "Moving time", lambda v: SafeString(u.duration_text(v))),
        ("ascent_m", "Elevation gain", lambda v: _html(u.elevation_parts(v, units))),
        (
            "avg_speed_mps",
            "Average pace" if pace else "Average speed",
            lambda v: _html(u.pace_or_speed_parts(v, units, pace=pace)),
        ),
        ("avg_hr", "Average heart rate", lambda v: _html(u.bpm_parts(v))),
        ("avg_power", "Average power", lambda v: _html(u.watts_parts(v))),
        ("elapsed_s", "Elapsed time", lambda v: SafeString(u.duration_text(v))),
        ("calories", "Calories", lambda v: SafeString(f"{v:,.0f}") if v else SafeString("")),
    ]
    if not needs_distance(activity.sport) and not activity.distance_m:
        wanted = [w for w in wanted if w[0] not in {"distance_m", "avg_speed_mps", "ascent_m"}]
    tiles = []
    for name, label, show in wanted:
        value = getattr(activity, name)
        if value is None or (name == "elapsed_s" and value == activity.moving_s):
            continue
        tiles.append(_tile(activity, name, label, show, value))
    return tiles


def _tile(activity: Activity, name: str, label: str, show: Format, value: float) -> Tile:
    source = activity.figure_source(name)
    mine = (activity.computed_totals or {}).get(name)
    differs = mine is not None and abs(mine - value) > max(0.01 * abs(value), 1e-9)
    saathi = show(mine) if source == "device" and differs else None
    return Tile(label=label, value=show(value), source=source, saathi=saathi)


@dataclass(frozen=True)
class Effort:
    name: str
    seconds: float
    pace: float  # m/s over the effort


def best_efforts(activity: Activity) -> list[Effort]:
    """Best efforts in the order of their distances, shortest first."""
    found = activity.best_efforts or {}
    return [
        Effort(name, found[name], metres / found[name])
        for name, metres in DISTANCES.items()
        if found.get(name)
    ]


def split_rows(activity: Activity, units: u.Units) -> tuple[int, SafeString]:
    """The splits per km or mile as the viewer counts, as table rows ready to print.

    Built here rather than in a template loop: a day-long ride has hundreds of splits,
    and five filters a row cost Django's template engine tens of milliseconds.
    """
    rows = (activity.splits_mile if units is u.Units.IMPERIAL else activity.splits_km) or []
    pace = shows_pace(activity.sport)
    html = [_split_row(row, units, pace) for row in rows]
    return len(rows), SafeString("\n".join(html))


def _split_row(row: dict[str, Any], units: u.Units, pace: bool) -> str:
    moving = row.get("moving_s")
    if pace:
        rate = u.pace_parts(
            1000 / row["pace_s_per_km"] if row.get("pace_s_per_km") else None, units
        )
    else:
        rate = u.speed_parts(row["distance_m"] / moving if moving else None, units)
    change = row.get("elevation_change_m")
    sign = "+" if change is not None and change > 0 else ""
    hr = row.get("avg_hr")
    partial = bool(row.get("partial"))
    label = u.html(u.distance_parts(row["distance_m"], units)) if partial else row["index"]
    heart = u.html(u.bpm_parts(hr) if hr else (u.DASH, ""))
    opening = '<tr class="partial">' if partial else "<tr>"
    return (
        f'{opening}<th scope="row">{label}</th>'
        f"<td>{u.html(rate)}</td><td>{u.duration_text(moving)}</td>"
        f"<td>{sign}{u.html(u.elevation_parts(change, units))}</td><td>{heart}</td></tr>"
    )


def _html(parts: u.Parts) -> SafeString:
    return SafeString(u.html(parts))  # units.html escapes the number and the unit

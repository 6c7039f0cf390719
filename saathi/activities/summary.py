"""A Track and its Figures turned into an unsaved Activity: columns, JSON and streams.

No database here, but for reading the owner's privacy zones when not given, and refigure
saving the chart picks it makes again: imports.py saves what this builds, in one
transaction, and the records (records/records.py) read the columns it fills. The
places and title come from the ends of the part others see (activities/privacy.py).
"""

from __future__ import annotations

import math
from dataclasses import fields
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import numpy as np

from saathi.activities.charts import chart_picks, draw_previews
from saathi.activities.models import HEADLINE_FIELDS, Activity, ActivityStreams, Source
from saathi.activities.privacy import Rules, auto_title, cut, rules_of, visible_picks
from saathi.activities.sports import Sport, sport_from_track
from saathi.activities.streams import pack
from saathi.tracks.figures import Figures, Split, compute
from saathi.tracks.timezones import local_timezone
from saathi.tracks.track import Totals, Track, TrackError

if TYPE_CHECKING:
    from saathi.accounts.models import User


# Devices write 0 for a sensor they never had (no strap: average heart rate 0).
_ZERO_IS_NONE = frozenset({"avg_hr", "max_hr", "avg_cadence", "avg_power", "max_power"})
_SPLIT_FIELDS = tuple(f.name for f in fields(Split))
_TOTALS_FIELDS = frozenset(f.name for f in fields(Totals))


def activity_from_track(
    *, owner: User, track: Track, sha256: str = "", rules: Rules | None = None
) -> tuple[Activity, ActivityStreams]:
    """The activity a recording makes, and its streams; neither saved yet.

    Cut by the owner's privacy zones (`rules`, read now when not given): the places
    and the title come from the ends of the part others see.
    """
    start = track.start_time
    if start is None:
        raise TrackError(
            "This file has no times: it is a planned route, not a recording of an activity."
        )
    figures = compute(
        track, hr_max=owner.max_hr, hr_rest=owner.resting_hr, weight_kg=None, sex=owner.sex
    )
    sport = sport_from_track(track.sport, track.sub_sport)
    zone = local_timezone(track, default=owner.time_zone)
    local_start = start.astimezone(ZoneInfo(zone))
    activity = Activity(
        owner=owner,
        sport=sport,
        start_time=start,
        timezone=zone,
        local_date=local_start.date(),
        source=Source.FILE,
        device=(track.device or "")[:120],
        file_format=track.format,
        sha256=sha256,
        **owner.new_activity_levels,
        warnings=[*track.warnings, *_sessions_note(track, sport)],
        **_headline(track.totals, figures.totals),
        laps=_laps(track),
        **_figures(figures),
        **_channels(track),
    )
    streams = ActivityStreams(
        activity=activity,
        data=pack(track),
        points=len(track),
        breaks=[int(b) for b in track.breaks],
        pauses=[[float(a), float(b)] for a, b in track.pauses],
    )
    # From the samples as stored, as a later recompute (or re-cut) would read them.
    stored = streams.load()
    streams.picks = chart_picks(activity, stored)
    part = cut(activity, stored, rules or rules_of(owner))
    streams.visible_picks = visible_picks(activity, part, stored, streams.picks)
    draw_previews(streams)
    activity.title = auto_title(activity)
    return activity, streams


def _headline(device: Totals | None, computed: Totals) -> dict[str, Any]:
    """Each headline figure from the device when it gave one, else Saathi's."""
    mine = clean(computed.as_dict())
    theirs = clean(device.as_dict()) if device is not None and not device.is_empty() else None
    usable = {
        name: value
        for name, value in (theirs or {}).items()
        if value is not None and not (value == 0 and name in _ZERO_IS_NONE)
    }
    columns = {name: usable.get(name, mine[name]) for name in HEADLINE_FIELDS}
    return {**columns, "device_totals": theirs, "computed_totals": mine}


def _laps(track: Track) -> list[dict[str, Any]]:
    start = track.start_time
    origin = start.timestamp() if start else 0.0
    return [
        {
            "index": number,
            "start_s": number_or_none(lap.start - origin),
            "end_s": number_or_none(lap.end - origin),
            "trigger": lap.trigger,
            "totals": {k: number_or_none(v) for k, v in lap.totals.as_dict().items()},
        }
        for number, lap in enumerate(track.laps, start=1)
    ]


def _figures(figures: Figures) -> dict[str, Any]:
    return {
        "splits_km": [_split(split) for split in figures.splits_km],
        "splits_mile": [_split(split) for split in figures.splits_mile],
        "best_efforts": clean(figures.best_efforts),
        "power_curve": clean({str(s): w for s, w in figures.power_curve.items()}),
        "normalized_power": clean(figures.normalized_power),
        "hr_zones": clean(figures.hr_zones_s),
        "trimp": clean(figures.trimp),
        "altitude_source": figures.altitude_source,
        "elevation_method": figures.elevation_method[:80],
    }


def refigure(activity: Activity) -> None:
    """Compute Saathi's figures again from the stored streams, under the activity's
    current sport (moving-time thresholds and best efforts depend on it); the figures
    are not saved.

    The device's totals stay the headline where it gave them. The chart picks depend
    on the sport too (pace or speed, and how far a GPS jump may go): they are made
    again and saved with the streams.
    """
    track = activity.streams.load()
    activity.streams.picks = chart_picks(activity, track)
    activity.streams.visible_picks = visible_picks(
        activity, cut(activity, track, rules_of(activity.owner)), track, activity.streams.picks
    )
    activity.streams.save(
        update_fields=["picks", "visible_picks", *draw_previews(activity.streams)]
    )
    device = activity.device_totals
    if device:
        track.totals = Totals(**{k: v for k, v in device.items() if k in _TOTALS_FIELDS})
    owner = activity.owner
    figures = compute(
        track, hr_max=owner.max_hr, hr_rest=owner.resting_hr, weight_kg=None, sex=owner.sex
    )
    for name, value in {**_headline(track.totals, figures.totals), **_figures(figures)}.items():
        setattr(activity, name, value)


def _channels(track: Track) -> dict[str, Any]:
    return {
        "points": len(track),
        "has_map": track.has_position,
        "has_altitude": track.has("alt"),
        "has_hr": track.has("heart_rate"),
        "has_cadence": track.has("cadence"),
        "has_power": track.has("power"),
    }


def _sessions_note(track: Track, sport: Sport) -> list[str]:
    """Multisport files become one activity for now; the owner is told what it held."""
    kinds = [s.sport for s in track.sessions if s.sport != "transition"]
    if len(kinds) < 2:
        return []
    return [
        f"This file holds {len(kinds)} sports ({', '.join(kinds)}); Saathi shows it as one "
        f"{sport.label.lower()} for now, with the totals of the whole file."
    ]


def _split(split: Split) -> dict[str, Any]:
    # Not dataclasses.asdict: its deep copy was a tenth of an import's own time.
    return {name: number_or_none(getattr(split, name)) for name in _SPLIT_FIELDS}


def number_or_none(value: Any) -> Any:
    """A finite float, int or bool as its Python self; NaN and infinity as None."""
    if isinstance(value, float | np.floating):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    return value


def clean(value: Any) -> Any:
    """JSON-safe: numpy numbers become floats and ints, NaN and infinity become None."""
    if isinstance(value, dict):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean(v) for v in value]
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return value

"""An activity of her own for a tagged person who had no recording: the same outing,
the same track and figures, her title and her levels.

What belongs to the body of the one who recorded it stays with them: heart rate,
cadence, power and temperature are left out of her streams, and the figures built on
them (heart-rate averages and zones, training load, power, calories) out of hers. What
belongs to the way they went together (the route, times, distance, climbing, splits,
best efforts) is hers too: she ran those kilometres. Of the route she gets what its owner
shows others, never the ends their privacy zones hide: she is someone else too, and her
own followers would otherwise see the owner's home on her copy. Her own zones then cut
her copy as they cut anything of hers.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from saathi.accounts.models import User
from saathi.activities.charts import chart_picks, draw_previews
from saathi.activities.models import Activity, ActivityStreams
from saathi.activities.privacy import recut, rules_of, visible_track
from saathi.activities.sports import TITLE_WORDS, Sport
from saathi.activities.streams import pack
from saathi.tracks.titles import title_for
from saathi.tracks.track import Track

# Copied as they are: when, where, how far and how fast.
SHARED_FIELDS = (
    "sport",
    "start_time",
    "timezone",
    "local_date",
    "source",
    "file_format",
    "distance_m",
    "moving_s",
    "elapsed_s",
    "timer_s",
    "ascent_m",
    "descent_m",
    "avg_speed_mps",
    "max_speed_mps",
    "altitude_source",
    "elevation_method",
    "start_place",
    "end_place",
    "start_lat",
    "start_lon",
    "end_lat",
    "end_lon",
    "best_efforts",
    "has_altitude",
)
PERSONAL_CHANNELS = ("heart_rate", "cadence", "power", "temperature")
PERSONAL_FIGURES = frozenset(
    {"avg_hr", "max_hr", "avg_cadence", "avg_power", "max_power", "calories"}
)


def copy_for(person: User, activity: Activity) -> tuple[Activity, Track | None]:
    """Her activity and its track (None for an entry without streams), saved; the caller
    holds the transaction and judges her records."""
    mine = Activity(
        owner=person,
        **{name: getattr(activity, name) for name in SHARED_FIELDS},
        **person.new_activity_levels,
        title=_title(activity),
        device_totals=_impersonal(activity.device_totals),
        computed_totals=_impersonal(activity.computed_totals) or {},
        laps=[{**lap, "totals": _impersonal(lap.get("totals"))} for lap in activity.laps],
        splits_km=[{**split, "avg_hr": None} for split in activity.splits_km],
        splits_mile=[{**split, "avg_hr": None} for split in activity.splits_mile],
    )
    # The part of the route its owner shows her, as a Track of its own.
    track = visible_track(activity, person)
    mine.points = len(track) if track is not None else 0
    mine.has_map = track is not None and track.has_position
    mine.save()
    if track is None:
        return mine, None
    for name in PERSONAL_CHANNELS:
        setattr(track, name, np.full(len(track), np.nan))
    streams = ActivityStreams(
        activity=mine,
        data=pack(track),
        points=len(track),
        breaks=[int(b) for b in track.breaks],
        pauses=[[float(a), float(b)] for a, b in track.pauses],
    )
    streams.picks = chart_picks(mine, track)
    draw_previews(streams)
    streams.save()
    recut(mine, rules_of(person))
    return mine, track


def _title(activity: Activity) -> str:
    def point(lat: float | None, lon: float | None) -> tuple[float, float] | None:
        return (lat, lon) if lat is not None and lon is not None else None

    return title_for(
        start=point(activity.start_lat, activity.start_lon),
        end=point(activity.end_lat, activity.end_lon),
        sport=TITLE_WORDS[Sport(activity.sport)],
        local_start=activity.local_start,
    )[:200]


def _impersonal(totals: dict[str, Any] | None) -> dict[str, Any] | None:
    if totals is None:
        return None
    return {k: (None if k in PERSONAL_FIGURES else v) for k, v in totals.items()}

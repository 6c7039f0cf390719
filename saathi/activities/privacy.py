"""What anyone but the owner receives of an activity: the part left by the privacy cut.

    rules_of(owner)              the owner's zones, as drawn, and "hide the ends"
    cut(activity, track, rules)  the span others see, set on the activity with its ends,
                                 bounds and place names (at import, and again below)
    visible_track(activity, viewer)        the whole track to its owner, the visible part
                                           to everyone else, None when they see none
    charts_seen_by(activity, viewer, units)  the activity page's map and charts, likewise
    recut(activity) / recut_owner(owner)   the cut made again after the zones changed

Every page, download and later export that hands others samples, a route or a place
goes through visible_track or charts_seen_by. Each checks the cut against the owner's zones
first and makes it again when it is stale, so a zone protects from the moment it is
saved, whether or not the background job (tasks.recut) has reached that activity.
The engine (tracks/privacy.py) decides what is hidden; totals stay whole.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from django.db import transaction

from saathi.activities.charts import (
    Charts,
    Picks,
    chart_picks,
    draw,
    draw_previews,
    stored_picks,
)
from saathi.activities.models import Activity, ActivityStreams
from saathi.activities.sports import TITLE_WORDS, Sport
from saathi.people.zones import drawn_zones
from saathi.tracks.places import nearest_place
from saathi.tracks.privacy import Zone, along_route_m, visible_part, visible_span
from saathi.tracks.titles import title_for
from saathi.tracks.track import Track
from saathi.units import Units

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from saathi.accounts.models import User

# Raise when what a cut computes changes: every activity is then cut again on demand.
CUT_VERSION = 1
LatLon = tuple[float, float]


@dataclass(frozen=True)
class Rules:
    """What cuts an owner's routes: the drawn circles and the "hide the ends" setting."""

    zones: tuple[Zone, ...]
    hide_ends: bool

    @property
    def key(self) -> str:
        circles = sorted(
            (round(z.lat, 7), round(z.lon, 7), round(z.radius_m, 2)) for z in self.zones
        )
        said = repr((CUT_VERSION, self.hide_ends, circles)).encode()
        return hashlib.sha256(said).hexdigest()[:32]


def rules_of(owner: User) -> Rules:
    return Rules(zones=tuple(drawn_zones(owner)), hide_ends=owner.hide_ends)


def cut(activity: Activity, track: Track, rules: Rules) -> Track | None:
    """Cut `track` (the samples as stored) by `rules`: set the span others see on the
    activity, with its bounds and the ends and places named from it, and return that
    part (`track` itself when nothing is hidden), or None when they see none of it."""
    span = visible_span(
        track.lat,
        track.lon,
        along_route_m(track.lat, track.lon),
        list(rules.zones),
        hide_ends=rules.hide_ends,
        trim_start_m=activity.trim_start_m,
        trim_end_m=activity.trim_end_m,
    )
    activity.cut_key = rules.key
    activity.visible_first, activity.visible_last = span if span else (None, None)
    part = (
        None
        if span is None
        else track
        if span == (0, len(track) - 1)
        else visible_part(track, span)
    )
    _set_ends(activity, part)
    return part


def _set_ends(activity: Activity, part: Track | None) -> None:
    fixes = np.flatnonzero(np.isfinite(part.lat) & np.isfinite(part.lon)) if part else np.empty(0)
    if part is None or fixes.size == 0:
        first = last = None
        activity.visible_south = activity.visible_west = None
        activity.visible_north = activity.visible_east = None
    else:
        lat, lon = part.lat[fixes], part.lon[fixes]
        first, last = (float(lat[0]), float(lon[0])), (float(lat[-1]), float(lon[-1]))
        activity.visible_south, activity.visible_north = float(lat.min()), float(lat.max())
        activity.visible_west, activity.visible_east = float(lon.min()), float(lon.max())
    for name, value in name_ends(first, last).items():
        setattr(activity, name, value)


def name_ends(first: LatLon | None, last: LatLon | None) -> dict[str, Any]:
    """The start and end columns, and the places nearest them."""
    start = nearest_place(*first) if first else None
    end = nearest_place(*last) if last else None
    return {
        "start_lat": first[0] if first else None,
        "start_lon": first[1] if first else None,
        "end_lat": last[0] if last else None,
        "end_lon": last[1] if last else None,
        "start_place": start.name[:120] if start else "",
        "end_place": end.name[:120] if end else "",
    }


def auto_title(activity: Activity) -> str:
    """The title Saathi gives the activity from its (visible) ends and start time."""
    start = (activity.start_lat, activity.start_lon)
    end = (activity.end_lat, activity.end_lon)
    return title_for(
        start=start if None not in start else None,  # type: ignore[arg-type]
        end=end if None not in end else None,  # type: ignore[arg-type]
        sport=TITLE_WORDS[Sport(activity.sport)],
        local_start=activity.local_start,
    )[:200]


def visible_picks(
    activity: Activity, part: Track | None, track: Track, whole: bytes
) -> bytes | None:
    """The chart picks of the visible part: the whole one's when nothing is hidden."""
    if part is None:
        return None
    return whole if part is track else chart_picks(activity, part)


# Cut columns a re-cut saves (the title too, when it was Saathi's own).
CUT_FIELDS = [
    "cut_key",
    "visible_first",
    "visible_last",
    "visible_south",
    "visible_west",
    "visible_north",
    "visible_east",
    *name_ends(None, None),
]


def is_stale(activity: Activity, rules: Rules) -> bool:
    return bool(activity.points) and activity.cut_key != rules.key


def recut(activity: Activity, rules: Rules | None = None) -> bool:
    """Make the cut again from the stored streams if it was made under other rules (or
    never); True when it was. A title Saathi made follows the new ends; one the owner
    wrote stays."""
    rules = rules or rules_of(activity.owner)
    if not is_stale(activity, rules):
        return False
    with transaction.atomic():
        streams = ActivityStreams.objects.select_for_update().filter(activity=activity).first()
        if streams is None:  # an entry by hand: nothing to cut
            activity.cut_key = rules.key
            activity.save(update_fields=["cut_key"])
            return True
        streams.activity = activity
        track = streams.load()
        was_auto = activity.title == auto_title(activity)
        part = cut(activity, track, rules)
        whole = bytes(streams.picks) if streams.picks is not None else chart_picks(activity, track)
        streams.visible_picks = visible_picks(activity, part, track, whole)
        fields = list(CUT_FIELDS)
        if was_auto:
            activity.title = auto_title(activity)
            fields.append("title")
        activity.save(update_fields=fields)
        streams.save(update_fields=["visible_picks", *draw_previews(streams)])
    return True


def _is_owner(activity: Activity, viewer: User | AnonymousUser | None) -> bool:
    return viewer is not None and viewer.is_authenticated and viewer.pk == activity.owner_id


def _fresh(activity: Activity, viewer: User | AnonymousUser | None) -> None:
    """Cut again now if the owner's zones changed since the last cut."""
    if not activity.points:
        return
    owner: User = viewer if _is_owner(activity, viewer) else activity.owner  # type: ignore[assignment]
    recut(activity, rules_of(owner))


def visible_track(activity: Activity, viewer: User | AnonymousUser | None) -> Track | None:
    """The samples `viewer` may receive: all of them for the owner, the visible part
    for anyone else, None when that is nothing (or there are no samples)."""
    if not activity.points:
        return None
    _fresh(activity, viewer)
    track = activity.streams.load()
    if _is_owner(activity, viewer):
        return track
    if activity.visible_first is None or activity.visible_last is None:
        return None
    return visible_part(track, (activity.visible_first, activity.visible_last))


def charts_seen_by(
    activity: Activity, viewer: User | AnonymousUser | None, units: Units
) -> Charts | None:
    """The activity page's map and charts for `viewer`, from the stored picks: the whole
    route for the owner, with the part others see beside it (`visible`) so the page can
    draw the hidden ends as such; only the visible part for anyone else."""
    if not activity.points:
        return None
    _fresh(activity, viewer)
    streams = ActivityStreams.objects.defer("data").filter(activity=activity).first()
    if streams is None:
        return None
    streams.activity = activity
    seen = _visible_picks(activity, streams)
    if not _is_owner(activity, viewer):
        return None if seen is None else draw(activity, seen, units)
    whole = stored_picks(activity, streams)
    if whole is None:
        return None
    charts = draw(activity, whole, units)
    route = seen.route if seen is not None else {}
    charts.visible = {
        "lat": np.round(route["lat"], 5).tolist() if route else [],
        "lon": np.round(route["lon"], 5).tolist() if route else [],
    }
    return charts


def _visible_picks(activity: Activity, streams: ActivityStreams) -> Picks | None:
    """The visible part's picks, made again (and saved) when missing or picked for
    another sport, as charts.stored_picks does for the whole."""
    if activity.visible_first is None or activity.visible_last is None:
        return None
    picks = Picks.unpack(bytes(streams.visible_picks)) if streams.visible_picks else None
    if picks is None or picks.sport != activity.sport:
        streams.refresh_from_db(fields=["data"])
        part = visible_part(streams.load(), (activity.visible_first, activity.visible_last))
        streams.visible_picks = chart_picks(activity, part)
        streams.save(update_fields=["visible_picks", *draw_previews(streams)])
        picks = Picks.unpack(streams.visible_picks)
    return picks


def still_to_cut(owner: User) -> int:
    """How many of the owner's activities are still cut under older rules."""
    key = rules_of(owner).key
    return Activity.objects.filter(owner=owner, points__gt=0).exclude(cut_key=key).count()


def recut_owner(owner: User) -> int:
    """Cut again every activity of the owner cut under other rules; how many were.

    One activity per transaction: a long history is re-cut without holding the
    database, and a page read meanwhile finds each one cut or about to be.
    """
    rules = rules_of(owner)
    stale = Activity.objects.filter(owner=owner, points__gt=0).exclude(cut_key=rules.key)
    done = 0
    for activity in stale.select_related("owner").order_by("-start_time").iterator(chunk_size=200):
        done += recut(activity, rules)
    return done

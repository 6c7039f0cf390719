"""Each participant's line on an outing's map, as one viewer may receive it.

The one place the outing page takes routes from. A line is drawn only for an activity
whose map the viewer may see (Activity.objects.map_visible_to). Every line but the
viewer's own is first cut as its owner's rules cut it, then its ends are cut again by the
privacy zones of every participant and by a corridor round every other participant's
hidden ends: a companion who set out from Asha's door must not draw the way there, as
Strava's group maps do (saathi/tracks/privacy.py, docs/privacy.md).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from django.contrib.auth.models import AnonymousUser

from saathi.accounts.models import User
from saathi.activities.models import Activity, ActivityStreams
from saathi.activities.privacy import Rules, cut
from saathi.people.circles import signed_in
from saathi.people.models import PrivacyZone
from saathi.together.models import Outing
from saathi.tracks.privacy import Zone, along_route_m, visible_part, visible_span
from saathi.tracks.track import Track

# One colour per person, in the order they started; dark enough on light tiles, light
# enough to tell apart. After eight the colours come round again.
COLOURS = ("#9a4800", "#1f5fa8", "#1d6b37", "#8a2d7a", "#b42318", "#00707a", "#5c4a00", "#444")
# Points per line: enough for a map of a day's outing, a few kilobytes per person.
LINE_POINTS = 1500
CORRIDOR_M = 200.0
CORRIDOR_CIRCLES = 400


@dataclass(frozen=True)
class Line:
    activity: Activity
    colour: str
    lat: list[float]
    lon: list[float]

    def as_json(self) -> dict[str, object]:
        return {
            "name": self.activity.owner.name,
            "colour": self.colour,
            "lat": self.lat,
            "lon": self.lon,
        }


def seen_on(outing: Outing, viewer: User | AnonymousUser | None) -> list[Activity]:
    """The outing's activities the viewer may see, in the order they started."""
    return list(
        Activity.objects.visible_to(viewer)
        .filter(membership__outing=outing)
        .select_related("owner")
        .order_by("start_time", "pk")
    )


def colours(activities: list[Activity]) -> dict[int, str]:
    """A colour per person, in the order of `activities`."""
    owners = list(dict.fromkeys(a.owner_id for a in activities))
    return {owner: COLOURS[i % len(COLOURS)] for i, owner in enumerate(owners)}


def outing_lines(outing: Outing, viewer: User | AnonymousUser | None) -> list[Line]:
    """The line of every activity on the outing whose map the viewer may see, coloured
    as `colours(seen_on(outing, viewer))`. Five queries, whoever is on it."""
    seen = seen_on(outing, viewer)
    colour = colours(seen)
    mapped = set(
        Activity.objects.map_visible_to(viewer)
        .filter(pk__in=[a.pk for a in seen], has_map=True)
        .values_list("pk", flat=True)
    )
    everyone = list(
        Activity.objects.filter(membership__outing=outing, has_map=True).select_related("owner")
    )
    streams = {
        s.activity_id: s
        for s in ActivityStreams.objects.filter(activity__in=[a.pk for a in everyone])
    }
    rules = _rules_of_everyone_on(outing, everyone)
    cuts = {}
    for activity in everyone:
        if activity.pk in streams:
            streams[activity.pk].activity = activity
            whole = streams[activity.pk].load()
            cuts[activity.pk] = (whole, cut(activity, whole, rules[activity.owner_id]))
    me = signed_in(viewer)
    lines = []
    for activity in seen:
        if activity.pk not in mapped or activity.pk not in cuts:
            continue
        whole, part = cuts[activity.pk]
        if me is None or activity.owner_id != me.pk:
            part = _cut_by_the_others(activity, part, everyone, cuts, rules)
        else:
            part = whole
        if part is None or not part.has_position:
            continue
        lat, lon = _thinned(part)
        lines.append(Line(activity=activity, colour=colour[activity.owner_id], lat=lat, lon=lon))
    return lines


def _rules_of_everyone_on(outing: Outing, everyone: list[Activity]) -> dict[int, Rules]:
    """Each participant's rules (drawn circles, hide-the-ends), from one query."""
    circles: dict[int, list[Zone]] = {a.owner_id: [] for a in everyone}
    rows = PrivacyZone.objects.filter(owner__in=list(circles)).order_by("pk")
    for zone in rows.only("owner", "drawn_lat", "drawn_lon", "drawn_radius_m"):
        circles[zone.owner_id].append(zone.as_drawn())
    hides = {a.owner_id: a.owner.hide_ends for a in everyone}
    return {owner: Rules(tuple(zones), hides[owner]) for owner, zones in circles.items()}


def _cut_by_the_others(
    activity: Activity,
    part: Track | None,
    everyone: list[Activity],
    cuts: dict[int, tuple[Track, Track | None]],
    rules: dict[int, Rules],
) -> Track | None:
    if part is None:
        return None
    fences: list[Zone] = []
    for other in everyone:
        if other.owner_id == activity.owner_id:
            continue
        fences += rules[other.owner_id].zones
        if other.pk in cuts:
            fences += _corridor(*cuts[other.pk])
    span = visible_span(
        part.lat,
        part.lon,
        along_route_m(part.lat, part.lon),
        fences,
        hide_ends=False,
        trim_start_m=0.0,
        trim_end_m=0.0,
    )
    return None if span is None else visible_part(part, span)


def _corridor(whole: Track, part: Track | None) -> list[Zone]:
    """Circles along the samples others may not see of one activity: whatever comes
    this close to them is where that person was hidden. CORRIDOR_M is the same-outing
    distance on foot; at most CORRIDOR_CIRCLES circles, a few metres apart on a hidden
    end, overlapping even along a whole route."""
    hidden = np.ones(len(whole), dtype=bool)
    if part is not None and len(part):
        hidden[np.isin(whole.time, part.time)] = False
    fixes = np.flatnonzero(hidden & np.isfinite(whole.lat) & np.isfinite(whole.lon))
    step = max(1, -(-fixes.size // CORRIDOR_CIRCLES))
    return [Zone(float(whole.lat[i]), float(whole.lon[i]), CORRIDOR_M) for i in fixes[::step]]


def _thinned(track: Track) -> tuple[list[float], list[float]]:
    fixes = np.flatnonzero(np.isfinite(track.lat) & np.isfinite(track.lon))
    step = max(1, -(-fixes.size // LINE_POINTS))
    kept = np.append(fixes[::step], fixes[-1]) if fixes.size else fixes
    return (
        [round(float(v), 5) for v in track.lat[kept]],
        [round(float(v), 5) for v in track.lon[kept]],
    )

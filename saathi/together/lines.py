"""Each participant's line on an outing's map, as one viewer may receive it.

The one place the outing page takes routes from. Every line must be cut by the privacy
zones of every participant of the outing (a companion's line must not show where
another hides her home): the cut is applied here, to every line, when privacy zones
arrive (saathi/tracks/privacy.py); until then each line is the route of an activity the
viewer may see the map of (Activity.objects.map_visible_to), as drawn on its own page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser

from saathi.accounts.models import User
from saathi.activities.charts import Picks, stored_picks
from saathi.activities.models import Activity, ActivityStreams
from saathi.together.models import Outing

# One colour per person, in the order they started; dark enough on light tiles, light
# enough to tell apart. After eight the colours come round again.
COLOURS = ("#9a4800", "#1f5fa8", "#1d6b37", "#8a2d7a", "#b42318", "#00707a", "#5c4a00", "#444")


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
    as `colours(seen_on(outing, viewer))`. Three queries."""
    seen = seen_on(outing, viewer)
    colour = colours(seen)
    mapped = set(
        Activity.objects.map_visible_to(viewer)
        .filter(pk__in=[a.pk for a in seen], has_map=True)
        .values_list("pk", flat=True)
    )
    streams = {
        s.activity_id: s for s in ActivityStreams.objects.defer("data").filter(activity__in=mapped)
    }
    lines = []
    for activity in seen:
        if activity.pk not in streams:
            continue
        picks = _picks(activity, streams[activity.pk])
        if picks is None or not picks.route:
            continue
        lines.append(
            Line(
                activity=activity,
                colour=colour[activity.owner_id],
                lat=[round(v, 5) for v in picks.route["lat"].tolist()],
                lon=[round(v, 5) for v in picks.route["lon"].tolist()],
            )
        )
    return lines


def _picks(activity: Activity, streams: ActivityStreams) -> Picks | None:
    stored = Picks.unpack(bytes(streams.picks)) if streams.picks is not None else None
    if stored is None or stored.sport != activity.sport:
        return stored_picks(activity)  # made again and saved, as the activity page does
    return stored

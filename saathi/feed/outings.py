"""The people on each outing of a feed page, as together's rule names them: everyone
whose activity on it the viewer may see (`visible_to`), the rest counted as far as she
may know they exist (`known_to`: never an "only me" activity, never anyone a block parts
from her). Two queries for the whole page."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.activities.sports import Sport

# "Kabir and Meera ran 20.1 km together".
VERBS = {
    Sport.RUN: "ran",
    Sport.TRAIL_RUN: "ran",
    Sport.WALK: "walked",
    Sport.HIKE: "hiked",
    Sport.RIDE: "rode",
    Sport.MOUNTAIN_BIKE_RIDE: "rode",
    Sport.EBIKE_RIDE: "rode",
    Sport.VIRTUAL_RIDE: "rode",
    Sport.POOL_SWIM: "swam",
    Sport.OPEN_WATER_SWIM: "swam",
}


@dataclass(frozen=True)
class Outing:
    pk: int
    named: list[User] = field(default_factory=list)
    others: int = 0
    verb: str = "were out"
    # The other activities on it the viewer may see, as they started: their milestones
    # join the entry's ("Meera: 65.0 km — longest ride so far").
    members: list[Activity] = field(default_factory=list)


def outings_of(activities: list[Activity], viewer: User) -> dict[int, Outing]:
    """Each activity's outing, by activity id, where it has more than one person."""
    by_outing = {a.outing_id: a for a in activities if getattr(a, "outing_id", None)}  # type: ignore[attr-defined]
    if not by_outing:
        return {}
    on_them = Activity.objects.filter(membership__outing__in=by_outing)
    seen: dict[int, dict[int, User]] = defaultdict(dict)
    activities_on: dict[int, list[Activity]] = defaultdict(list)
    members = on_them.visible_to(viewer).select_related("owner", "membership")
    for member in members.order_by("start_time", "pk"):
        seen[member.membership.outing_id].setdefault(member.owner_id, member.owner)
        activities_on[member.membership.outing_id].append(member)
    known: dict[int, set[int]] = defaultdict(set)
    pairs = on_them.known_to(viewer).values_list("membership__outing", "owner")
    for outing, owner in pairs.order_by().distinct():
        known[outing].add(owner)
    found = {}
    for outing, lead in by_outing.items():
        people = seen[outing]
        everyone = len(known[outing] | set(people))
        if everyone < 2:
            continue
        # You first, then whose activity the entry is, then the rest as they started.
        first = (viewer.pk, lead.owner_id)
        named = sorted(people.values(), key=lambda p: first.index(p.pk) if p.pk in first else 2)
        found[lead.pk] = Outing(
            pk=outing,
            named=named,
            others=everyone - len(named),
            verb=VERBS.get(Sport(lead.sport), "were out"),
            members=[a for a in activities_on[outing] if a.pk != lead.pk],
        )
    return found

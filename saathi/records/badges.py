"""Milestones as a person reads them, in the viewer's units:
"65.0 km — longest ride so far, previous 42.3 km on 2 Aug".

The owner sees the milestones judged and stored as her activities came (records.py),
over all of them. Anyone else sees badges judged afresh from what they may see alone
(`Activity.objects.visible_to`, the one privacy rule): "longest ride so far" among the
rides shared with them, "10th run" counting the runs they can see, and every comparison
naming one of those. So a badge tells a viewer nothing of an activity hidden from them:
not its length (a hidden longer ride does not take the badge away), nor that it exists.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import astuple, dataclass
from datetime import date
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db.models import Count, Max
from django.urls import reverse

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.activities.sports import Sport
from saathi.people.circles import Ties
from saathi.records.chains import JudgedMilestone
from saathi.records.measures import BY_KEY, DISTANCE, EFFORTS, RecordMeasure
from saathi.records.models import KIND_ORDER, Kind, Milestone
from saathi.records.records import VALUE_COLUMNS, judged_from_scratch, unsaved_milestone
from saathi.units import Units, duration_text, elevation_parts, text

NOUNS = {
    Sport.RUN: "run",
    Sport.TRAIL_RUN: "trail run",
    Sport.WALK: "walk",
    Sport.HIKE: "hike",
    Sport.RIDE: "ride",
    Sport.MOUNTAIN_BIKE_RIDE: "mountain bike ride",
    Sport.EBIKE_RIDE: "e-bike ride",
    Sport.VIRTUAL_RIDE: "virtual ride",
    Sport.POOL_SWIM: "pool swim",
    Sport.OPEN_WATER_SWIM: "open water swim",
    Sport.YOGA: "yoga session",
    Sport.STRENGTH: "strength session",
    Sport.OTHER: "activity",
}
EFFORT_ORDER = {m.key: i for i, m in enumerate(EFFORTS.values())}


# How long a judged history is kept in the cache: any change to it makes a new key, so
# this only bounds what an unchanged, unvisited history occupies.
JUDGED_KEPT_S = 7 * 86400


@dataclass(frozen=True)
class Badge:
    kind: str
    headline: str  # the figure: "65.0 km", "5k in 22:31", "50th ride"
    words: str  # what it means: "longest ride so far"
    comparison: str = ""  # "previous 42.3 km on 2 Aug"
    previous_url: str = ""  # the activity compared with

    @property
    def text(self) -> str:
        sentence = f"{self.headline} — {self.words}" if self.words else self.headline
        return f"{sentence}, {self.comparison}" if self.comparison else sentence


def figure(measure: RecordMeasure, value: float, units: Units, digits: int = 1) -> str:
    """A record's figure: one decimal of distance, as a badge says it."""
    if measure is DISTANCE:
        unit, unit_m = units.distance_unit
        return f"{value / unit_m:,.{digits}f} {unit}"
    if measure.key == "ascent":
        return text(elevation_parts(value, units))
    if measure.key.startswith("power:"):
        return f"{value:,.0f} W"
    return duration_text(value)  # moving time, or a best effort's time


def short_date(day: date, today: date) -> str:
    """ "2 Aug", with the year when it is not this one."""
    label = f"{day.day} {day:%b}"
    return label if day.year == today.year else f"{label} {day.year}"


def ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number:,}{suffix}"


def badge(milestone: Milestone, units: Units, today: date) -> Badge | None:
    """The badge of a milestone; None for a "longest since" with nothing before it."""
    noun = NOUNS.get(Sport(milestone.sport), "activity")
    kind = milestone.kind
    if kind == Kind.FIRST:
        return Badge(kind, f"First {noun}", "")
    if kind == Kind.COUNT:
        return Badge(kind, f"{ordinal(milestone.number or 0)} {noun}", "")
    measure = BY_KEY[milestone.measure]
    value = figure(measure, milestone.value or 0.0, units)
    previous = ""
    if milestone.previous_value is not None and milestone.previous_date:
        before = figure(measure, milestone.previous_value, units)
        if before == value and measure is DISTANCE:
            # 5.33 km after 5.31 km: one decimal would say 5.3 after 5.3.
            value = figure(measure, milestone.value or 0.0, units, digits=2)
            before = figure(measure, milestone.previous_value, units, digits=2)
        previous = f"previous {before} on {short_date(milestone.previous_date, today)}"
    url = reverse("activities:detail", args=[milestone.previous_activity_id]) if previous else ""
    if kind == Kind.LONGEST_SINCE:
        if not previous or milestone.previous_date is None:
            return None
        since = short_date(milestone.previous_date, today)
        return Badge(kind, value, f"longest {noun} since {since}", "", url)
    if kind == Kind.LONGEST:
        return Badge(kind, value, f"longest {noun} so far", previous, url)
    if kind == Kind.CLIMB:
        article = "an" if noun[0] in "aeiou" else "a"
        return Badge(kind, value, f"biggest climb on {article} {noun} so far", previous, url)
    return Badge(kind, f"{measure.label} in {value}", "best so far", previous, url)


def _order(milestone: Milestone) -> tuple[int, int]:
    return KIND_ORDER.index(Kind(milestone.kind)), EFFORT_ORDER.get(
        milestone.measure, milestone.number or 0
    )


def badges_for(
    activities: Iterable[Activity],
    viewer: User | AnonymousUser,
    units: Units,
    today: date,
    ties: Ties | None = None,
) -> dict[int, list[Badge]]:
    """Each activity's badges, for `viewer`: two queries at most, however many."""
    shown = list(activities)
    found: dict[int, list[Badge]] = defaultdict(list)
    own = [a.pk for a in shown if a.owner_id == viewer.pk]
    milestones = Milestone.objects.for_activities(own) if own else []
    for milestone in sorted([*milestones, *_as_seen_by(viewer, shown, ties)], key=_order):
        one = badge(milestone, units, today)
        if one is not None:
            found[milestone.activity_id].append(one)
    return found


def _as_seen_by(
    viewer: User | AnonymousUser, shown: list[Activity], ties: Ties | None = None
) -> list[Milestone]:
    """The milestones of others' activities among `shown`, judged from scratch on the
    history `viewer` may see of each owner and sport.

    Judging reads a whole history (a feed page of 20 people's: some 2,000 activities, 70 ms
    on PostgreSQL), so each judged history is kept in the cache under what it is now: its
    owner, sport, and the count, newest change and newest id of the activities in it that
    the viewer may see, read in one small query. What one person shows at each level is
    nested (everyone ⊂ followers ⊂ partners), so the count tells apart the histories
    viewers at different levels see; an edit, an import or a deletion changes the key. A
    history not in the cache is read in one more query, for all of them.
    """
    theirs = [a for a in shown if a.owner_id != viewer.pk]
    if not theirs:
        return []
    # Whole histories, not cut at the page's newest: an activity's milestones depend only
    # on those before it, and one judging then serves every page.
    seen = Activity.objects.visible_to(viewer, ties).filter(
        owner__in={a.owner_id for a in theirs}, sport__in={a.sport for a in theirs}
    )
    now = (
        seen.order_by()
        .values("owner", "sport")
        .annotate(n=Count("pk"), last=Max("updated"), top=Max("pk"))
    )
    keys = {
        (row["owner"], row["sport"]): "judged:1:{owner}:{sport}:{n}:{top}:{stamp}".format(
            stamp=row["last"].timestamp(), **row
        )
        for row in now
    }
    kept: dict[str, list[tuple[Any, ...]]] = cache.get_many(list(keys.values()))
    missing = {pair for pair, key in keys.items() if key not in kept}
    if missing:
        rows = (
            seen.filter(owner__in={o for o, _ in missing}, sport__in={s for _, s in missing})
            .order_by("start_time", "pk")
            .values("pk", "owner", "sport", "start_time", "local_date", *VALUE_COLUMNS)
        )
        histories: dict[tuple[int, str], list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            if (row["owner"], row["sport"]) in missing:
                histories[(row["owner"], row["sport"])].append(row)
        judged_now = {}
        for (owner, sport), history in histories.items():
            _, judged = judged_from_scratch(sport, history)
            # Kept as plain tuples: unpickling model rows costs more than judging anew.
            judged_now[keys[(owner, sport)]] = [astuple(row) for row in judged]
        cache.set_many(judged_now, timeout=JUDGED_KEPT_S)
        kept |= judged_now
    wanted = {a.pk for a in theirs}
    return [
        unsaved_milestone(JudgedMilestone(*row), owner, sport)
        for (owner, sport), key in keys.items()
        for row in kept.get(key, [])
        if row[0] in wanted  # JudgedMilestone's first field: its activity
    ]

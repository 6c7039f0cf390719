"""The feed's activities: one's own, partners' and followed people's, as the viewer may see
them, an outing once.

`find` is one SQL statement: the activities of the viewer's circle that she may see
(`Activity.objects.visible_to`, the one rule), each with its counts, its outing and the
route preview she may be shown, newest first by (start_time, id), limited. An activity
on an outing is kept only when it is the newest of that outing in the same selection,
so an outing is one entry at its newest member the viewer may see, and on a later page
its older members are not shown again (the newest was on an earlier one).

`dress` reads the rest for the whole page at once: badges (records/badges.py), the
latest comments, the people on each outing and whether each route's privacy cut is
current (a zone saved a moment ago hides the route until the re-cut has run).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import cast

from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    TextField,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber

from saathi.accounts.models import User
from saathi.activities.models import Activity, ActivityQuerySet
from saathi.activities.privacy import Rules, is_stale
from saathi.conversations.models import Comment, Reaction
from saathi.conversations.reactions import ReactionBar, bars_for
from saathi.feed.cursor import Request, Show
from saathi.feed.figures import Figure, distance_words, figures_for
from saathi.feed.outings import Outing, outings_of
from saathi.feed.sources import Entry
from saathi.feed.when import when_text
from saathi.people.circles import Ties, may_see
from saathi.people.models import PrivacyZone
from saathi.records.badges import Badge, badges_for

# How many of the latest comments an entry shows under it.
FIRST_LINES = 2
# Read by the activity page only: a feed entry never needs them.
HEAVY_FIELDS = (
    "description",
    "laps",
    "splits_km",
    "splits_mile",
    "best_efforts",
    "power_curve",
    "hr_zones",
    "warnings",
    "device_totals",
    "computed_totals",
)


@dataclass
class ActivityEntry(Entry):
    kind = "activity"
    template = "feed/entries/activity.html"
    activity: Activity
    when: str = ""
    figures: list[Figure] = field(default_factory=list)
    route: str = ""  # an SVG path; "" when there is none she may see
    badges: list[Badge] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    outing: Outing | None = None
    together: str = ""  # "ran 20.1 km together", on an outing
    reaction_bar: ReactionBar | None = None  # one tap from the feed, as on the activity page

    @property
    def badge_map(self) -> dict[int, list[Badge]]:
        """The badges as {% milestones %} takes them."""
        return {self.activity.pk: self.badges}

    @property
    def comment_count(self) -> int:
        return cast(int, getattr(self.activity, "shown_comments", 0))


def circle(viewer: User, show: Show, ties: Ties) -> Q:
    """Whose activities the feed looks at: oneself, partners, the people one follows.

    Given to the main query as a list of ids (from her ties, read once for the page):
    PostgreSQL then reads those people's activities through the owner index (2,210 rows
    for 30 people, 9 ms at 100,000 activities) instead of filtering every activity against
    subqueries (33 ms); docs/performance.md has both plans."""
    if show is Show.ME:
        return Q(owner=viewer)
    people = (
        set(ties.partners) if show is Show.PARTNERS else {viewer.pk, *ties.followed, *ties.partners}
    )
    return Q(owner__in=sorted(people))


def _count(model: type[Reaction] | type[Comment], viewer: User, ties: Ties) -> Coalesce:
    shown = (
        model.objects.shown_beside(viewer, ties)
        .filter(activity=OuterRef("pk"))
        .order_by()
        .values("activity")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(shown, output_field=IntegerField()), 0)


def _route(viewer: User, ties: Ties) -> Case:
    """The owner's whole route to the owner, the visible part to whoever may see the map,
    nothing to anyone else."""
    return Case(
        When(has_map=False, then=Value("")),
        When(owner=viewer, then=F("streams__preview")),
        When(
            may_see(viewer, level="map_visibility", ties=ties), then=F("streams__visible_preview")
        ),
        default=Value(""),
        output_field=TextField(),
    )


def selected(viewer: User, asked: Request, limit: int, ties: Ties) -> ActivityQuerySet:
    """The `limit` newest activities the feed shows before the cursor: one query.

    The page is chosen first, on the activities' own columns (which of her circle's she
    may see, an outing's lead, the cursor), and only its rows are then joined to their
    owners, routes and counts: PostgreSQL would otherwise join every candidate (2,210 for
    30 people) before sorting them (22 ms to 12 ms at 100,000 activities)."""
    chosen = (
        Activity.objects.visible_to(viewer, ties)
        .filter(circle(viewer, asked.show, ties))
        .of_sport(asked.sport)
    )
    # An outing is one entry: her own activity on it when she was there (its kudos and
    # comments are hers to read), else the newest of it she may see. The choice does not
    # depend on the cursor, so later pages never show the outing again.
    lead_of_outing = (
        chosen.filter(membership__outing=OuterRef("membership__outing"))
        .order_by(Case(When(owner=viewer, then=Value(0)), default=Value(1)), "-start_time", "-pk")
        .values("pk")[:1]
    )
    rows = chosen.filter(Q(membership__isnull=True) | Q(pk=Subquery(lead_of_outing)))
    if asked.before is not None:
        rows = rows.filter(asked.before.older(ActivityEntry.kind))
    page = rows.order_by("-start_time", "-pk").values("pk")[:limit]
    return (
        Activity.objects.filter(pk__in=page)
        .select_related("owner")
        .defer(*HEAVY_FIELDS)
        .annotate(
            outing_id=F("membership__outing"),
            shown_comments=_count(Comment, viewer, ties),
            route_seen=_route(viewer, ties),
        )
        .order_by("-start_time", "-pk")
    )


class ActivitySource:
    kind = ActivityEntry.kind

    def find(self, viewer: User, ties: Ties, asked: Request, limit: int) -> list[Entry]:
        return [
            ActivityEntry(time=activity.start_time, id=activity.pk, activity=activity)
            for activity in selected(viewer, asked, limit, ties)
        ]

    def dress(self, entries: list[Entry], viewer: User, ties: Ties) -> None:
        shown = [cast(ActivityEntry, entry) for entry in entries]
        if not shown:
            return
        activities = [entry.activity for entry in shown]
        units, today = viewer.unit_system, viewer.today()
        outings = outings_of(activities, viewer)
        # The milestones of everyone's activity on an outing, in the same queries.
        members = [m for outing in outings.values() for m in outing.members]
        badges = badges_for([*activities, *members], viewer, units, today, ties=ties)
        comments = latest_comments(activities, viewer, ties)
        current = _cut_is_current(activities, viewer)
        bars = bars_for(activities, viewer, ties)
        for entry in shown:
            activity = entry.activity
            entry.when = when_text(activity.local_start, today)
            entry.figures = figures_for(activity, units)
            entry.route = getattr(activity, "route_seen", "") if current[activity.pk] else ""
            entry.badges = badges.get(activity.pk, [])
            entry.comments = comments.get(activity.pk, [])
            entry.outing = outings.get(activity.pk)
            entry.reaction_bar = bars[activity.pk]
            if entry.outing is not None:
                entry.badges = [
                    whose(badge, member.owner, viewer)
                    for member in (activity, *entry.outing.members)
                    for badge in badges.get(member.pk, [])
                ]
                far = distance_words(activity.distance_m, units)
                entry.together = " ".join(w for w in (entry.outing.verb, far, "together") if w)


SOURCE = ActivitySource()


def whose(badge: Badge, owner: User, viewer: User) -> Badge:
    """A milestone on an outing's entry says whose it is: "Meera: 65.0 km — longest ride
    so far", "You: ..." for the viewer's own."""
    who = "You" if owner.pk == viewer.pk else owner.name
    return replace(badge, headline=f"{who}: {badge.headline}")


def latest_comments(
    activities: list[Activity], viewer: User, ties: Ties
) -> dict[int, list[Comment]]:
    """The latest FIRST_LINES comments the viewer is shown on each activity, oldest of
    them first: one query for all (a window numbers each activity's comments)."""
    newest_first = Window(
        RowNumber(), partition_by=[F("activity")], order_by=[F("created").desc(), F("pk").desc()]
    )
    rows = (
        Comment.objects.shown_beside(viewer, ties)
        .filter(activity__in=[a.pk for a in activities])
        .annotate(newest=newest_first)
        .filter(newest__lte=FIRST_LINES)
        .select_related("author")
        .order_by("activity", "created", "pk")
    )
    found: dict[int, list[Comment]] = defaultdict(list)
    for comment in rows:
        found[comment.activity_id].append(comment)
    return found


def _cut_is_current(activities: list[Activity], viewer: User) -> dict[int, bool]:
    """Whether each route was cut under its owner's present zones (always, for one's
    own): one query for the zones of every owner on the page."""
    others = {a.owner_id: a.owner for a in activities if a.owner_id != viewer.pk}
    zones = defaultdict(list)
    if others:
        for zone in PrivacyZone.objects.filter(owner__in=others).order_by("pk"):
            zones[zone.owner_id].append(zone.as_drawn())
    rules = {
        pk: Rules(zones=tuple(zones[pk]), hide_ends=owner.hide_ends) for pk, owner in others.items()
    }
    return {a.pk: a.owner_id == viewer.pk or not is_stale(a, rules[a.owner_id]) for a in activities}

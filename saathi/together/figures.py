"""Together figures between two people: how many outings, how far, how long, how much
climbing, since when, the longest and the latest.

Read from the viewer's own activities on the outings the other is on too: an outing
counts once whoever recorded it (both did, or one was tagged and accepted), each by her
own activity on it, so nothing the other keeps from her is ever summed into what she
sees. Three queries whatever the number of outings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Min, Sum

from saathi.accounts.models import User
from saathi.activities.models import Activity, ActivityQuerySet
from saathi.together.models import Membership


@dataclass(frozen=True)
class Together:
    other: User
    outings: int
    distance_m: float
    moving_s: float
    ascent_m: float
    since: date | None
    longest: Activity | None
    latest: Activity | None


def shared_activities(viewer: User, other: User) -> ActivityQuerySet:
    """The viewer's activities on outings `other` is on too, one per outing (her first,
    if she has two recordings of one)."""
    shared = Membership.objects.filter(activity__owner=other).values("outing")
    firsts = (
        Membership.objects.filter(outing__in=shared, activity__owner=viewer)
        .values("outing")
        .annotate(first=Min("activity"))
        .values("first")
    )
    return Activity.objects.filter(pk__in=firsts)


def between(viewer: User, other: User) -> Together:
    mine = shared_activities(viewer, other)
    sums = mine.order_by().aggregate(
        outings=Count("pk"),
        distance_m=Sum("distance_m"),
        moving_s=Sum("moving_s"),
        ascent_m=Sum("ascent_m"),
        since=Min("local_date"),
    )
    return Together(
        other=other,
        outings=sums["outings"],
        distance_m=sums["distance_m"] or 0.0,
        moving_s=sums["moving_s"] or 0.0,
        ascent_m=sums["ascent_m"] or 0.0,
        since=sums["since"],
        longest=mine.filter(distance_m__isnull=False).order_by("-distance_m", "pk").first()
        if sums["outings"]
        else None,
        latest=mine.order_by("-start_time", "-pk").first() if sums["outings"] else None,
    )

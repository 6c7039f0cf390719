"""Putting activities on one outing: the one step tags, suggestions and automatic joins
all end in."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction

from saathi.activities.models import Activity
from saathi.together.models import Membership, Outing


def join(activities: Sequence[Activity]) -> Outing:
    """Put `activities` on one outing and return it.

    The outing one of them is already on is kept (the oldest, when several are: the
    others' members move into it and the emptied ones go); with none, a new one.
    """
    ids = sorted({activity.pk for activity in activities})
    with transaction.atomic():
        # The activities' rows are locked in id order: two joins of overlapping sets
        # (both partners answering at once) run one after the other, never making two
        # outings for one activity.
        list(Activity.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
        members = dict(
            Membership.objects.filter(activity__in=ids).values_list("activity", "outing")
        )
        outing_ids = sorted(set(members.values()))
        if outing_ids:
            outing = Outing.objects.get(pk=outing_ids[0])
            Membership.objects.filter(outing__in=outing_ids[1:]).update(outing=outing)
            Outing.objects.filter(pk__in=outing_ids[1:]).delete()
        else:
            outing = Outing.objects.create()
        Membership.objects.bulk_create(
            [Membership(outing=outing, activity_id=pk) for pk in ids if pk not in members]
        )
    return outing

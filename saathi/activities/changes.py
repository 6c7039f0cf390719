"""What the owner does to an activity after it exists: edit it, delete it.

Records and milestones (saathi/records/) follow every change in the same transaction, so
these are the functions every page, the admin and the commands call. Deleting an
activity's rows is Django's own delete (its streams, uploads, records and milestones go by
their foreign keys, its stored files by saathi/system/files.py); handing its records back
to the activities before it is the one domain effect, and it is written here once.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from saathi.activities.models import EDITABLE_FIELDS, Activity, Source, Visibility
from saathi.activities.summary import refigure
from saathi.records.records import forget, judge


def edit_activity(activity: Activity, **changes: Any) -> None:
    """Change what the owner may change; the local date follows a new time zone, and
    Saathi's figures follow a new sport (a walk stops at 0.9 m/s, a hike at 0.3).

    Raises ValidationError (from the field validators) for a bad value.
    """
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"not editable: {', '.join(sorted(unknown))}")
    # Compared with the stored row: the edit page's ModelForm has already set the new
    # values on this instance while validating them.
    stored = Activity.objects.get(pk=activity.pk)
    new_sport = changes.get("sport", stored.sport) != stored.sport
    # Records follow the sport and the local date: judged again as if new.
    rejudge = new_sport or changes.get("timezone", stored.timezone) != stored.timezone
    with transaction.atomic():
        if rejudge:
            forget(stored)
        for name, value in changes.items():
            setattr(activity, name, value)
        activity.full_clean(exclude=["owner"])
        # Narrowing who sees an activity narrows who sees its map with it.
        activity.map_visibility = Visibility.narrower(activity.map_visibility, activity.visibility)
        activity.local_date = activity.local_start.date()
        if new_sport and activity.source == Source.FILE:
            refigure(activity)
        activity.save()
        if rejudge:
            judge(activity)


def delete_activities(activities: QuerySet[Activity]) -> tuple[int, dict[str, int]]:
    """Delete these activities, handing each one's records back to the ones before it;
    returns what went, as QuerySet.delete does.

    One at a time: each is forgotten while the others are still there and then deleted,
    so the next one is judged against a history without it. Deleting a whole person
    (User.delete) needs none of this: their records go with them.
    """
    total, per_model = 0, dict[str, int]()
    with transaction.atomic():
        for activity in activities.order_by("start_time", "pk"):
            forget(activity)
            count, counted = activity.delete()
            total += count
            for label, n in counted.items():
                per_model[label] = per_model.get(label, 0) + n
    return total, per_model


def delete_activity(activity: Activity) -> tuple[int, dict[str, int]]:
    return delete_activities(Activity.objects.filter(pk=activity.pk))

"""Tagging: the owner of an activity says who was with her; each person tagged is asked.

    tag(activity=, person=, asked_by=)   ask her (a notification), once per activity
    accept(tag=, own=None)               she was there: her own recording joins the
                                         outing, or, with none, an activity of her own
                                         is made on it (copies.py), judged for her records
    decline(tag=)                        she was not; the owner cannot ask again

Each is one transaction: an accepted tag, her activity, its streams, records and the
outing exist together or not at all.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.notifications.models import Kind
from saathi.records.records import judge
from saathi.together import footprints, notices
from saathi.together.copies import copy_for
from saathi.together.eligible import taggable_by
from saathi.together.models import Tag, TagState
from saathi.together.outings import join

# How far apart in time her own recording may start and still be "the same one" offered
# in place of a copy: a watch started late, or at the car park.
OWN_RECORDING_SLACK = timedelta(minutes=30)


class TagRefused(Exception):
    """The tag cannot be made or answered; the message says why, for the page."""


def tag(*, activity: Activity, person: User, asked_by: User) -> Tag:
    """Ask `person` whether she was with `asked_by` on `activity` (theirs)."""
    if activity.owner_id != asked_by.pk:
        raise TagRefused("Only the owner of an activity can say who was there.")
    if not taggable_by(asked_by).filter(pk=person.pk).exists():
        raise TagRefused("You can tag your training partners and people who follow you back.")
    with transaction.atomic():
        found, created = Tag.objects.get_or_create(
            activity=activity, person=person, defaults={"asked_by": asked_by}
        )
        if created:
            notices.tell(person, actor=asked_by, kind=Kind.TAGGED, subject=found)
    return found


def own_recordings(tag: Tag) -> QuerySet[Activity]:
    """Her activities that could be the same outing as the tagged one: of her own,
    starting within half an hour of it, not already on another outing with it."""
    start = tag.activity.start_time
    return (
        Activity.objects.owned_by(tag.person)
        .filter(start_time__range=(start - OWN_RECORDING_SLACK, start + OWN_RECORDING_SLACK))
        .exclude(made_by_tag__isnull=False)
        .order_by("start_time")
    )


def accept(*, tag: Tag, own: Activity | None = None) -> Activity:
    """She was there: `own` (one of own_recordings) joins the outing, or with none an
    activity of her own is made on it. Returns her activity on the outing."""
    with transaction.atomic():
        tag = _waiting(tag)
        if own is not None:
            if not own_recordings(tag).filter(pk=own.pk).exists():
                raise TagRefused("That recording is not one of yours from the same time.")
            mine = own
        else:
            mine, track = copy_for(tag.person, tag.activity)
            judge(mine)
            if track is not None:
                footprints.record(mine, track)
            tag.made = mine
        join([tag.activity, mine])
        tag.state, tag.answered = TagState.ACCEPTED, timezone.now()
        tag.save(update_fields=["state", "answered", "made"])
    return mine


def decline(*, tag: Tag) -> None:
    with transaction.atomic():
        tag = _waiting(tag)
        tag.state, tag.answered = TagState.DECLINED, timezone.now()
        tag.save(update_fields=["state", "answered"])


def _waiting(tag: Tag) -> Tag:
    # Locked: a double click on "accept" must not make her two activities.
    locked = Tag.objects.select_for_update().select_related("activity", "person").get(pk=tag.pk)
    if locked.state != TagState.ASKED:
        raise TagRefused("This tag is already answered.")
    return locked

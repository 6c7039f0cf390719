"""Records and milestones, kept beside the activities that earned them.

A Record row is one step of a record's progression: an activity that beat every
earlier activity of its owner and sport on one measure. The newest step is the record
today; the steps before it are its history. A Milestone is what one activity achieved,
shown as a badge on it ("longest ride so far", "50th run"). Both are judged by
records.py whenever an activity is added, changed or deleted.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models

from saathi.activities.models import Activity
from saathi.activities.sports import Sport
from saathi.notifications.models import Notification

if TYPE_CHECKING:
    from saathi.accounts.models import User


class RecordQuerySet(models.QuerySet["Record"]):
    def held_by(self, user: User) -> RecordQuerySet:
        """Every step of every record of `user`, oldest first within each measure."""
        return self.filter(owner=user).order_by("sport", "measure", "start_time", "activity_id")


class Record(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="records"
    )
    sport = models.CharField(max_length=24, choices=Sport.choices)
    measure = models.CharField(max_length=24)  # a key of measures.BY_KEY
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="records")
    value = models.FloatField()
    # The activity's, copied so a progression reads in order without a join.
    start_time = models.DateTimeField()
    local_date = models.DateField()

    objects: ClassVar[RecordQuerySet] = RecordQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        indexes = [
            models.Index(fields=["owner", "sport", "measure", "start_time"], name="record_chain")
        ]
        constraints = [
            models.UniqueConstraint(fields=["activity", "measure"], name="record_once_per_measure")
        ]

    def __str__(self) -> str:
        return f"{self.measure} {self.value} ({self.sport}, activity {self.activity_id})"


class Kind(models.TextChoices):
    LONGEST = "longest", "Longest so far"
    LONGEST_SINCE = "longest_since", "Longest since"
    CLIMB = "climb", "Biggest climb so far"
    BEST_EFFORT = "best_effort", "Best effort"
    FIRST = "first", "First of a sport"
    COUNT = "count", "Round number"


# The order badges are shown in.
KIND_ORDER = [
    Kind.LONGEST,
    Kind.LONGEST_SINCE,
    Kind.CLIMB,
    Kind.BEST_EFFORT,
    Kind.FIRST,
    Kind.COUNT,
]


class MilestoneQuerySet(models.QuerySet["Milestone"]):
    def for_activities(self, ids: Iterable[int]) -> MilestoneQuerySet:
        """The milestones of these activities: what pages, the feed and the API show.

        Whether the viewer may see each activity is the caller's question
        (`Activity.objects.visible_to`); badges.py also hides comparisons with
        activities the viewer may not see.
        """
        return self.filter(activity_id__in=list(ids)).order_by("activity_id", "pk")


class Milestone(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="milestones")
    # The activity's owner and sport, copied so judging finds a sport's milestones
    # without a join.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="milestones"
    )
    sport = models.CharField(max_length=24, choices=Sport.choices)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    measure = models.CharField(max_length=24, blank=True)
    number = models.PositiveIntegerField(null=True, blank=True)  # the 50 of "50th run"
    value = models.FloatField(null=True, blank=True)
    # What it is compared with: the previous best, or the last time as long ("since").
    previous_activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    previous_value = models.FloatField(null=True, blank=True)
    previous_date = models.DateField(null=True, blank=True)

    objects: ClassVar[MilestoneQuerySet] = MilestoneQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        indexes = [models.Index(fields=["owner", "sport", "kind"], name="milestone_sport_kind")]

    def __str__(self) -> str:
        return f"{self.kind} {self.measure or self.number or ''} (activity {self.activity_id})"


class MilestoneNews(models.Model):
    """That an activity's milestones were told to its owner's partners: the subject of
    their PARTNER_MILESTONE notifications, one per activity, so it is told once. What
    each says is worded by news.py (registered in apps.py: it reads badges.py, which
    imports this module).

    The milestones themselves are judged again as activities come and go, and replaced;
    this row stays with the activity, and goes with it, its notifications too.
    """

    activity = models.OneToOneField(Activity, on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(auto_now_add=True)
    notifications = GenericRelation(
        Notification, content_type_field="subject_type", object_id_field="subject_id"
    )

    def __str__(self) -> str:
        return f"milestone news of activity {self.activity_id}"

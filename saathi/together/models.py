"""Outings and how activities come to share one: tags, suggestions, and the index that
finds companions.

An Outing is the group; each activity in it has one Membership (an activity is in one
outing at most). A Tag asks a person whether she was there; a Suggestion is what
detection found between two people's recordings, waiting for both answers. Footprint and
OutingToken are where and when each recording was (saathi/tracks/together.py), so a new
import finds its companions by index. Everything goes by foreign key: deleting a person
takes her tags, suggestions and memberships (with her activities), never anyone else's
activities; deleting a tag or a suggestion takes its notifications (GenericRelation).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models.functions import Greatest, Least

from saathi.activities.models import Activity
from saathi.notifications.models import Notification

if TYPE_CHECKING:
    from saathi.accounts.models import User


def _notifications() -> GenericRelation:
    return GenericRelation(
        Notification, content_type_field="subject_type", object_id_field="subject_id"
    )


class Outing(models.Model):
    """People out together: the activities of its members, one per person and recording."""

    created = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"outing {self.pk}"


class Membership(models.Model):
    outing = models.ForeignKey(Outing, on_delete=models.CASCADE, related_name="members")
    activity = models.OneToOneField(Activity, on_delete=models.CASCADE, related_name="membership")
    joined = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["outing", "activity"], name="membership_outing")]

    def __str__(self) -> str:
        return f"activity {self.activity_id} in outing {self.outing_id}"


class TagState(models.TextChoices):
    ASKED = "asked", "Asked"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"


class Tag(models.Model):
    """`asked_by` says `person` was with them on `activity`; she accepts or declines."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="tags")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tags_received"
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tags_made"
    )
    state = models.CharField(max_length=12, choices=TagState.choices, default=TagState.ASKED)
    # The activity accepting made for her when she had no recording of her own; she may
    # delete it later like any other, and the tag stays answered.
    made = models.ForeignKey(
        Activity,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="made_by_tag",
    )
    created = models.DateTimeField(auto_now_add=True)
    answered = models.DateTimeField(null=True, blank=True)
    notifications = _notifications()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["activity", "person"], name="tag_once"),
        ]
        indexes = [models.Index(fields=["person", "state"], name="tag_person_state")]

    def __str__(self) -> str:
        return f"{self.person} on activity {self.activity_id} ({self.state})"


class Answer(models.TextChoices):
    WAITING = "waiting", "Not answered"
    YES = "yes", "Yes"
    NO = "no", "No"


class Suggestion(models.Model):
    """Two people's recordings that detection found to be one outing.

    `first` started first; `share` is the part of its elapsed time the two spent together
    (the figure the threshold is on), `second_share` the same for the other. A "no" from
    either side is kept: the pair is never suggested again.
    """

    first = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="suggested_first")
    second = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="suggested_second")
    share = models.FloatField()
    second_share = models.FloatField()
    first_answer = models.CharField(max_length=8, choices=Answer.choices, default=Answer.WAITING)
    second_answer = models.CharField(max_length=8, choices=Answer.choices, default=Answer.WAITING)
    created = models.DateTimeField(auto_now_add=True)
    notifications = _notifications()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                Least("first", "second"), Greatest("first", "second"), name="suggested_once"
            ),
            models.CheckConstraint(
                condition=~models.Q(first=models.F("second")), name="suggestion_two_activities"
            ),
        ]

    def __str__(self) -> str:
        return f"activities {self.first_id} and {self.second_id} ({self.share:.0%})"

    def side_of(self, person: User) -> str | None:
        """ "first" or "second": which activity is `person`'s; None when neither is."""
        if self.first.owner_id == person.pk:
            return "first"
        if self.second.owner_id == person.pk:
            return "second"
        return None

    @property
    def declined(self) -> bool:
        return Answer.NO in (self.first_answer, self.second_answer)

    @property
    def accepted(self) -> bool:
        return self.first_answer == self.second_answer == Answer.YES


class Footprint(models.Model):
    """When a recording was and who made it: the (start, end) index of detection.

    The owner is kept beside the times (an activity never changes owner) so that "the
    activities of these people overlapping this hour" is one index range per person.
    """

    activity = models.OneToOneField(
        Activity, on_delete=models.CASCADE, primary_key=True, related_name="footprint"
    )
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    start = models.DateTimeField()
    end = models.DateTimeField()
    on_bike = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["owner", "start", "end"], name="footprint_owner_time"),
            models.Index(fields=["start", "end"], name="footprint_time"),
        ]

    def __str__(self) -> str:
        return f"activity {self.activity_id}, {self.start:%Y-%m-%d %H:%M} to {self.end:%H:%M}"


class OutingTokenQuerySet(models.QuerySet["OutingToken"]):
    def sharing(self, tokens: list[int]) -> models.QuerySet[OutingToken, int]:
        """The ids of the activities that have any of these tokens."""
        return self.filter(token__in=tokens).values_list("activity", flat=True)


class OutingToken(models.Model):
    """One (map cell, five minutes) a recording passed through (tracks/together.py)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="+")
    token = models.BigIntegerField()

    objects: ClassVar[OutingTokenQuerySet] = OutingTokenQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        # token first: a probe is "who else was in these cells at these times", answered
        # from the index alone.
        indexes = [models.Index(fields=["token", "activity"], name="outingtoken_token")]

    def __str__(self) -> str:
        return f"{self.token} of activity {self.activity_id}"

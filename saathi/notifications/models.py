"""What a person is told: someone asked to follow, accepted, tagged, suggested an outing.

A notification names its kind, who caused it and, for some kinds, what it is about (a tag,
a suggestion) through a generic relation, so that this part needs no import of the parts
above it; those parts declare a GenericRelation, and deleting the subject deletes its
notifications with it. What a notification says is decided when it is shown, from what
its reader may see then (notices.py), never stored as text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

if TYPE_CHECKING:
    from saathi.accounts.models import User


class Kind(models.TextChoices):
    FOLLOW_REQUESTED = "follow_requested", "Asked to follow you"
    FOLLOWED = "followed", "Started following you"
    FOLLOW_ACCEPTED = "follow_accepted", "Accepted your follow request"
    PARTNER_REQUESTED = "partner_requested", "Asked to be training partners"
    PARTNER_ACCEPTED = "partner_accepted", "Accepted to be training partners"
    TAGGED = "tagged", "Tagged you in an activity"
    OUTING_SUGGESTED = "outing_suggested", "Were you together?"
    REACTED = "reacted", "Reacted to your activity"
    COMMENTED = "commented", "Commented on your activity"
    REPLIED = "replied", "Replied where you commented"
    MENTIONED = "mentioned", "Mentioned you"
    PARTNER_MILESTONE = "partner_milestone", "A partner reached a milestone"


class How(models.TextChoices):
    """How a person wants to hear of one kind: email means on the page too."""

    OFF = "off", "Off"
    IN_APP = "in_app", "In Saathi"
    EMAIL = "email", "In Saathi and by email"


# Everything is shown in Saathi, nothing is mailed, until a person says otherwise: a new
# site may have no mail server yet, and mail nobody asked for is the quickest way to
# have Saathi's address marked as spam.
DEFAULT_HOW = How.IN_APP


class NotificationQuerySet(models.QuerySet["Notification"]):
    def for_person(self, person: User) -> NotificationQuerySet:
        return self.filter(recipient=person)

    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)

    def not_mailed(self) -> NotificationQuerySet:
        return self.filter(mailed_at__isnull=True)


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications_caused",
        null=True,
        blank=True,
    )
    kind = models.CharField(max_length=24, choices=Kind.choices)
    subject_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, null=True, blank=True)
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    created = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # Set once it has gone out by email (alone or in a digest), so a retried job or the
    # next digest never mails it twice.
    mailed_at = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[NotificationQuerySet] = NotificationQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [
            models.Index(fields=["recipient", "-created"], name="notification_newest"),
            models.Index(fields=["subject_type", "subject_id"], name="notification_subject"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.recipient}"


class Preferences(models.Model):
    """How one person hears of each kind, and whether mail comes once a day.

    A kind missing from `choices` (every kind, for someone who never opened the page, and
    a kind added after they did) is DEFAULT_HOW; what is stored is only ever written by
    the settings form, which knows the kinds and the choices.
    """

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="notification_preferences",
    )
    choices = models.JSONField(default=dict, blank=True)  # kind -> How
    daily_digest = models.BooleanField(
        "one email a day (a digest) instead of one per notification", default=False
    )

    def __str__(self) -> str:
        return f"notification preferences of {self.person_id}"

    @classmethod
    def of(cls, person: User) -> Preferences:
        """Hers, or the defaults (unsaved) when she never chose."""
        found = cls.objects.filter(person=person).first()
        return found if found is not None else cls(person=person)

    def how(self, kind: str) -> How:
        try:
            return How(self.choices.get(kind, DEFAULT_HOW))
        except ValueError:
            return DEFAULT_HOW

    def mailed_kinds(self) -> list[str]:
        return [kind for kind in Kind.values if self.how(kind) == How.EMAIL]

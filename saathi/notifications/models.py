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


class NotificationQuerySet(models.QuerySet["Notification"]):
    def for_person(self, person: User) -> NotificationQuerySet:
        return self.filter(recipient=person)

    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)


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

    objects: ClassVar[NotificationQuerySet] = NotificationQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [
            models.Index(fields=["recipient", "-created"], name="notification_newest"),
            models.Index(fields=["subject_type", "subject_id"], name="notification_subject"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.recipient}"

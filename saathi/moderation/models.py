"""Reports: someone tells the site's staff that a comment, an activity or a person breaks
the rules, and what the staff did about it.

A report names one thing, by kind; what it names may go later (the staff removed it, or
its author deleted her account), and then the report stays, pointing at nothing, so the
staff keep the record of what they did. The reporter's reports go with her account.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q

from saathi.activities.models import Activity
from saathi.conversations.models import Comment

NOTE_MAX = 1000


class Kind(models.TextChoices):
    COMMENT = "comment", "Comment"
    ACTIVITY = "activity", "Activity"
    PERSON = "person", "Profile"


# The field that holds the reported thing, for each kind.
FIELD = {Kind.COMMENT: "comment", Kind.ACTIVITY: "activity", Kind.PERSON: "person"}


class Reason(models.TextChoices):
    # Few, so a reporter picks one in a second and staff can filter by them.
    SPAM = "spam", "Spam or advertising"
    HARASSMENT = "harassment", "Harassment or bullying"
    HATEFUL = "hateful", "Hateful words or symbols"
    PRIVATE = "private", "Unsafe, or someone's private information"
    OTHER = "other", "Something else"


class Status(models.TextChoices):
    OPEN = "open", "Open"
    DISMISSED = "dismissed", "Dismissed"
    ACTED_ON = "acted_on", "Acted on"


class Action(models.TextChoices):
    """What the staff did; the last thing done is kept on every report it answered."""

    DISMISSED = "dismissed", "Dismissed: nothing wrong"
    HID = "hid", "Hid it"
    UNHID = "unhid", "Showed it again"
    REMOVED = "removed", "Removed it"
    SUSPENDED = "suspended", "Suspended the account"
    UNSUSPENDED = "unsuspended", "Lifted the suspension"


class ReportQuerySet(models.QuerySet["Report"]):
    def open(self) -> ReportQuerySet:
        return self.filter(status=Status.OPEN)

    def about_the_same(self, report: Report) -> ReportQuerySet:
        """Every report of what `report` names (none once it is gone)."""
        field = FIELD[Kind(report.kind)]
        target = getattr(report, f"{field}_id")
        if target is None:
            return self.filter(pk=report.pk)
        return self.filter(kind=report.kind, **{f"{field}_id": target})


class Report(models.Model):
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reports_made"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    # Exactly the one field of `kind` is set while the thing exists (a constraint).
    comment = models.ForeignKey(
        Comment, on_delete=models.SET_NULL, null=True, blank=True, related_name="reports"
    )
    activity = models.ForeignKey(
        Activity, on_delete=models.SET_NULL, null=True, blank=True, related_name="reports"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports_about",
    )
    reason = models.CharField(max_length=12, choices=Reason.choices)
    note = models.TextField(blank=True, validators=[MaxLengthValidator(NOTE_MAX)])
    created = models.DateTimeField(auto_now_add=True)

    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports_handled",
    )
    handled_at = models.DateTimeField(null=True, blank=True)
    action = models.CharField(max_length=12, choices=Action.choices, blank=True)

    objects: ClassVar[ReportQuerySet] = ReportQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [
            # The admin's list: open reports first looked at, newest first.
            models.Index(fields=["status", "-created"], name="report_queue"),
        ]
        constraints = [
            # Only the field of its kind may be set; it is null once the thing is gone.
            models.CheckConstraint(
                condition=(
                    Q(kind=Kind.COMMENT, activity__isnull=True, person__isnull=True)
                    | Q(kind=Kind.ACTIVITY, comment__isnull=True, person__isnull=True)
                    | Q(kind=Kind.PERSON, comment__isnull=True, activity__isnull=True)
                ),
                name="report_names_one_thing",
            ),
            # One open report per reporter and thing: a second one updates the first
            # (moderation/reporting.py), and two sent at once cannot both be saved.
            *(
                models.UniqueConstraint(
                    fields=["reporter", field],
                    condition=Q(status=Status.OPEN),
                    name=f"report_open_once_per_{field}",
                )
                for field in FIELD.values()
            ),
        ]

    def __str__(self) -> str:
        return f"report {self.pk} of {self.kind} ({self.reason})"

    @property
    def reported(self) -> models.Model | None:
        """The comment, activity or person reported; None once it is gone."""
        thing: models.Model | None = getattr(self, FIELD[Kind(self.kind)])
        return thing

"""What a reporter may report, and the report itself.

Each `reportable_*` finds the thing as the reporter may see it, or raises Http404: what
she may not see she cannot report (and learns nothing of by trying), and her own
comments, activities and profile are not hers to report.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.conversations.models import Comment
from saathi.moderation.models import FIELD, Kind, Report, Status
from saathi.people.directory import person_for

Reportable = Comment | Activity | User


def reportable_comment(reporter: User, pk: int) -> Comment:
    comment = get_object_or_404(
        Comment.objects.shown_to(reporter).select_related("author", "activity"), pk=pk
    )
    if comment.author_id == reporter.pk:
        raise Http404("One does not report one's own comment.")
    return comment


def reportable_activity(reporter: User, pk: int) -> Activity:
    activity = get_object_or_404(
        Activity.objects.visible_to(reporter).select_related("owner"), pk=pk
    )
    if activity.owner_id == reporter.pk:
        raise Http404("One does not report one's own activity.")
    return activity


def reportable_person(reporter: User, handle: str) -> User:
    person = person_for(reporter, handle)
    if person.pk == reporter.pk:
        raise Http404("One does not report oneself.")
    return person


def kind_of(thing: Reportable) -> Kind:
    if isinstance(thing, Comment):
        return Kind.COMMENT
    if isinstance(thing, Activity):
        return Kind.ACTIVITY
    return Kind.PERSON


@transaction.atomic
def report(
    *, reporter: User, thing: Reportable, reason: str, note: str = ""
) -> tuple[Report, bool]:
    """A new open report of `thing`, or her open one updated with this reason and note
    (True when new): staff read one report per person and thing, the latest words."""
    kind = kind_of(thing)
    about: dict[str, Any] = {FIELD[kind]: thing}
    found, created = Report.objects.update_or_create(
        reporter=reporter,
        kind=kind,
        status=Status.OPEN,
        defaults={"reason": reason, "note": note},
        **about,
    )
    return found, created

"""What the staff do about a report: hide what was reported or show it again, remove it,
suspend its author's account or lift the suspension, or dismiss the report.

Hiding and suspending are reversible and change no content: a hidden comment or activity
is its author's alone (Comment.objects.shown_to, Activity.objects.visible_to), and a
suspended account (is_active off) cannot sign in, its sessions end, and what it shared is
seen by nobody (people/circles.may_see, people/directory.reachable_by). Removing deletes.

Each decision is one transaction that answers every open report of the same thing at
once, with who decided and when, so the staff never handle one comment twice.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.timezone import now

from saathi.accounts.models import User
from saathi.activities.changes import delete_activity
from saathi.activities.models import Activity
from saathi.conversations.models import Comment
from saathi.moderation.models import Action, Report, Status


class DecisionError(ValueError):
    """This decision cannot be taken on this report; the message says why."""


def account_of(report: Report) -> User | None:
    """Whose the reported thing is: the comment's author, the activity's owner, the person."""
    thing = report.reported
    if isinstance(thing, Comment):
        return thing.author
    if isinstance(thing, Activity):
        return thing.owner
    return thing if isinstance(thing, User) else None


def _set_hidden(thing: object, hidden: bool) -> None:
    if isinstance(thing, Comment):
        thing.hidden = hidden
        thing.save(update_fields=["hidden"])
    elif isinstance(thing, Activity):
        thing.hidden_by_staff = hidden
        thing.save(update_fields=["hidden_by_staff"])
    else:
        raise DecisionError("A profile cannot be hidden: suspend the account instead.")


def _remove(thing: object) -> None:
    if isinstance(thing, Comment):
        thing.delete()
    elif isinstance(thing, Activity):
        delete_activity(thing)  # its records are handed back to the ones before it
    else:
        raise DecisionError("A profile cannot be removed here: suspend the account instead.")


def _set_active(report: Report, staff: User, active: bool) -> None:
    account = account_of(report)
    if account is None:
        raise DecisionError("What was reported is gone, and with it whose it was.")
    if account.pk == staff.pk:
        raise DecisionError("You cannot suspend your own account.")
    account.is_active = active
    account.save(update_fields=["is_active"])


@transaction.atomic
def decide(*, report: Report, staff: User, action: Action) -> set[int]:
    """Take `action` on what `report` names; returns the ids of the reports it answered."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    answered = list(Report.objects.about_the_same(report).open().values_list("pk", flat=True))
    thing = report.reported
    if thing is None and action != Action.DISMISSED:
        raise DecisionError("What was reported is gone already.")
    if action in (Action.HID, Action.UNHID):
        _set_hidden(thing, hidden=action == Action.HID)
    elif action == Action.REMOVED:
        _remove(thing)
    elif action in (Action.SUSPENDED, Action.UNSUSPENDED):
        _set_active(report, staff, active=action == Action.UNSUSPENDED)
    status = Status.DISMISSED if action == Action.DISMISSED else Status.ACTED_ON
    done = {report.pk, *answered}
    Report.objects.filter(pk__in=done).update(
        status=status, action=action, handled_by=staff, handled_at=now()
    )
    return done

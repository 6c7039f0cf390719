"""Comments on an activity: posted by whoever the owner lets comment, edited by their
author, deleted by their author or the activity's owner.

Each change is one transaction with its mentions and notifications: the owner is told of
a comment, everyone who commented before (and is still shown it) of a reply, and each
person it mentions of the mention, once each, never oneself.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.timezone import now

from saathi.accounts.models import User
from saathi.accounts.sharing import Visibility
from saathi.activities.models import Activity
from saathi.conversations.mentions import write_mentions
from saathi.conversations.models import Comment, Mention
from saathi.notifications.models import Kind
from saathi.notifications.sending import notify


class CommentRefused(Exception):
    """The person may see the activity but not comment on it; the message says why."""


def refusal(activity: Activity, person: User) -> str | None:
    """Why `person` may not comment on `activity` (which she may see), or None."""
    if Activity.objects.commentable_by(person).filter(pk=activity.pk).exists():
        return None
    owner = activity.owner.name
    if activity.comments_by == Visibility.ONLY_ME:
        return f"{owner} has closed comments on this activity."
    if activity.comments_by == Visibility.PARTNERS:
        return f"{owner} takes comments on this activity from training partners only."
    return f"{owner} takes comments on this activity from followers and training partners only."


def post_comment(*, activity: Activity, author: User, body: str) -> Comment:
    """Raises CommentRefused when she may not comment, ValidationError for a blank or
    too long body (the form says so first; this is for every other caller)."""
    with transaction.atomic():
        why = refusal(activity, author)
        if why is not None:
            raise CommentRefused(why)
        comment = Comment(activity=activity, author=author, body=body)
        comment.full_clean()
        comment.save()
        write_mentions(activity=activity, author=author, text=body, comment=comment)
        _tell(comment)
    return comment


def _tell(comment: Comment) -> None:
    activity = comment.activity
    author = comment.author
    told = {author.pk}
    told |= set(Mention.objects.filter(comment=comment).values_list("person", flat=True))
    if activity.owner_id not in told:
        notify(recipient=activity.owner, actor=author, kind=Kind.COMMENTED, subject=comment)
        told.add(activity.owner_id)
    earlier = User.objects.filter(
        pk__in=Comment.objects.filter(activity=activity, pk__lt=comment.pk).values("author")
    ).exclude(pk__in=told)
    for person in earlier:
        # Only those who are shown the reply: still able to see the activity, and not
        # parted from its author by a block.
        if Comment.objects.shown_to(person).filter(pk=comment.pk).exists():
            notify(recipient=person, actor=author, kind=Kind.REPLIED, subject=comment)


def edit_comment(*, comment: Comment, body: str) -> Comment:
    """Her own comment, changed: marked edited; new mentions are told, dropped ones lose
    their notice. Nobody is told of the edit itself."""
    with transaction.atomic():
        why = refusal(comment.activity, comment.author)
        if why is not None:
            raise CommentRefused(why)
        comment.body = body
        comment.edited = now()
        comment.full_clean()
        comment.save(update_fields=["body", "edited"])
        write_mentions(activity=comment.activity, author=comment.author, text=body, comment=comment)
    return comment


def delete_comment(comment: Comment) -> None:
    """Its mentions and every notification about it go with it."""
    with transaction.atomic():
        comment.delete()

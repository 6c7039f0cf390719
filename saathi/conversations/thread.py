"""What the conversation under an activity shows one viewer: the reactions bar, who
reacted, the comments oldest first, and the comment form if she may comment."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch
from django.utils.timezone import now

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.conversations.comments import refusal
from saathi.conversations.forms import CommentForm
from saathi.conversations.models import COMMENT_MAX, Comment, Mention
from saathi.conversations.reactions import bar_for, who_reacted
from saathi.people.circles import signed_in
from saathi.units import day_text


def comments_shown(activity: Activity, viewer: User | AnonymousUser | None) -> list[Comment]:
    """Each with `linked`, the handles its text may link (its Mention rows), and `when`,
    its time in the viewer's zone ("yesterday, 18:05"), or the activity's for a visitor."""
    comments = list(
        Comment.objects.shown_to(viewer)
        .filter(activity=activity)
        .select_related("author")
        .prefetch_related(Prefetch("mentions", queryset=Mention.objects.select_related("person")))
    )
    me = signed_in(viewer)
    zone = ZoneInfo(me.time_zone if me is not None else activity.timezone)
    today = now().astimezone(zone).date()
    for comment in comments:
        local = comment.created.astimezone(zone)
        # Formatted here: the date filter would turn it back into the server's zone.
        comment.when = f"{day_text(local.date(), today)}, {local:%H:%M}"  # type: ignore[attr-defined]
        comment.linked = frozenset(m.person.handle for m in comment.mentions.all())  # type: ignore[attr-defined]
    return comments


def conversation(
    activity: Activity,
    viewer: User | AnonymousUser | None,
    form: CommentForm | None = None,
    problem: str = "",
) -> dict[str, Any]:
    """The context of conversations/partials/conversation.html."""
    me = signed_in(viewer)
    why_not = refusal(activity, me) if me is not None else None
    return {
        "activity": activity,
        "bar": bar_for(activity, me),
        "who_reacted": who_reacted(activity, me),
        "comments": comments_shown(activity, viewer),
        "viewer": me,
        "is_owner": me is not None and me.pk == activity.owner_id,
        "may_comment": me is not None and why_not is None,
        "why_not": why_not,
        "form": form or CommentForm(),
        "comment_max": f"{COMMENT_MAX:,}",
        "problem": problem,
    }

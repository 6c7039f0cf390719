"""Whom a text mentions: `@handle` in a comment or an activity's description.

A handle is a mention only when its person may see the activity (and, in a comment, no
block parts her from its author): then a Mention row links the handle and she is told.
Anyone else's handle stays plain text and nobody learns it was typed. Called inside the
transaction that saves the text.
"""

from __future__ import annotations

import re

from saathi.accounts.handles import HANDLE_PATTERN
from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.conversations.models import Comment, Mention
from saathi.notifications.models import Kind
from saathi.notifications.sending import notify
from saathi.people.circles import blocked_q

# Not inside an address or a word: "me@example.com" mentions no one.
MENTION = re.compile(rf"(?<![\w@/.])@({HANDLE_PATTERN})\b", re.IGNORECASE)
# A text that names more than this tells only the first ones: a comment is not a mailing list.
MENTIONS_MAX = 10


def handles_in(text: str) -> list[str]:
    """The handles a text names, lowercased, each once, in order."""
    return list(dict.fromkeys(m.group(1).lower() for m in MENTION.finditer(text)))[:MENTIONS_MAX]


def mentionable(*, activity: Activity, author: User, text: str) -> list[User]:
    """The people `text` may mention: active, able to see the activity, and not parted
    from the author by a block."""
    handles = handles_in(text)
    if not handles:
        return []
    found = User.objects.filter(handle__in=handles, is_active=True).exclude(blocked_q(author))
    return [
        person
        for person in found
        if Activity.objects.visible_to(person).filter(pk=activity.pk).exists()
    ]


def write_mentions(*, activity: Activity, author: User, text: str, comment: Comment | None) -> None:
    """Bring the Mention rows of this text (a comment, or the description when `comment`
    is None) in line with it: people no longer named lose their row and its notification;
    people newly named get a row and are told, unless they wrote it."""
    people = {
        person.pk: person for person in mentionable(activity=activity, author=author, text=text)
    }
    rows = Mention.objects.filter(activity=activity, comment=comment)
    # Through the ORM's collector, so each takes its notification (a GenericRelation).
    rows.exclude(person__in=list(people)).delete()
    kept = set(rows.values_list("person", flat=True))
    for pk, person in people.items():
        if pk in kept:
            continue
        mention = Mention.objects.create(activity=activity, comment=comment, person=person)
        if person.pk != author.pk:
            notify(recipient=person, actor=author, kind=Kind.MENTIONED, subject=mention)


def mentioned_handles(activity: Activity, comment: Comment | None = None) -> frozenset[str]:
    """The handles linked in the description (or a comment): the `said` filter's second
    argument."""
    rows = Mention.objects.filter(activity=activity, comment=comment)
    return frozenset(rows.values_list("person__handle", flat=True))

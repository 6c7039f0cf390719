"""What a notification says, decided when it is read and from what its reader may see then.

Kinds about people (follows, partners) say who and link to them. Kinds about something a
higher part owns (a tag, a suggested outing) ask that thing: a subject with a
`notice_for(reader)` method returns its own (text, link), and is trusted to say only what
the reader may see, or None when the reader may no longer see what it is about (the
notice is then not shown at all, nor counted, nor mailed). A model whose words come from
a module that imports it registers them instead (`word_with`). A subject without any
gets a notice naming only who caused it, and a subject that is gone, none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol, cast

from django.db import models
from django.urls import NoReverseMatch, reverse

from saathi.notifications.models import Kind, Notification, NotificationQuerySet

if TYPE_CHECKING:
    from saathi.accounts.models import User


class Explains(Protocol):
    """A subject that says itself what a notification about it tells `reader`."""

    def notice_for(self, reader: User) -> tuple[str, str | None] | None: ...


@dataclass(frozen=True)
class Notice:
    notification: Notification
    text: str
    url: str | None

    @property
    def unread(self) -> bool:
        return self.notification.read_at is None


# {who} is the actor's name; none of these reveals anything but who asked.
TEXTS = {
    Kind.FOLLOW_REQUESTED: "{who} asked to follow you",
    Kind.FOLLOWED: "{who} started following you",
    Kind.FOLLOW_ACCEPTED: "{who} accepted your follow request",
    Kind.PARTNER_REQUESTED: "{who} asked you to be training partners",
    Kind.PARTNER_ACCEPTED: "{who} and you are training partners now",
    Kind.TAGGED: "{who} tagged you in an activity",
    Kind.OUTING_SUGGESTED: "Were you out with {who}?",
}
ASKS = {Kind.FOLLOW_REQUESTED, Kind.PARTNER_REQUESTED}


def _url(name: str, *args: str) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


# The page shows, and the header counts, at most this many: each is worded for its
# reader, which may cost its subject a query or two.
SHOWN = 100


Told = tuple[str, str | None] | None
Wording = Callable[[Any, "User"], Told]
_wordings: dict[type[models.Model], Wording] = {}


def word_with(model: type[models.Model], wording: Wording) -> None:
    """Word the notices about `model`'s rows with `wording(row, reader)`: for a subject
    whose words come from a module that imports its model (so the model cannot call
    it), registered from its part's AppConfig.ready."""
    _wordings[model] = wording


def _wording_of(subject: models.Model | None) -> Callable[[User], Told] | None:
    """How the subject words its own notice, when it does."""
    if subject is None:
        return None
    registered = _wordings.get(type(subject))
    if registered is not None:
        return partial(registered, subject)
    # Asked of the object, not with isinstance: a runtime Protocol check is cached per
    # class by the ABC machinery, and would go on trusting a method since removed.
    method = getattr(subject, "notice_for", None)
    return cast(Explains, subject).notice_for if callable(method) else None


def notice_for(
    notification: Notification, reader: User, worded: dict[tuple[type, int], Told] | None = None
) -> Notice | None:
    """The notice `reader` gets, or None when its subject is now out of her sight; the
    subject, when prefetched, costs no query here, and `worded` holds what subjects that
    word many at once said (`worded_together`)."""
    actor = notification.actor
    if actor is not None and not actor.is_active:
        # What a suspended account caused is told to no one while the suspension lasts,
        # as the rest of what it said and did is hidden: on the page, in the count, in mail.
        return None
    subject = notification.subject if notification.subject_type_id else None
    if notification.subject_type_id and subject is None:
        return None  # what it was about is gone (its part declared no GenericRelation)
    if worded is not None and subject is not None and (type(subject), subject.pk) in worded:
        told = worded[(type(subject), subject.pk)]
        if told is None:
            return None
        text, url = told
        return Notice(notification, text, url)
    wording = _wording_of(subject)
    if wording is not None:
        told = wording(reader)
        if told is None:
            return None
        text, url = told
        return Notice(notification, text, url)
    who = actor.name if actor is not None else "Someone"
    text = TEXTS.get(Kind(notification.kind), "{who} did something").format(who=who)
    if notification.kind in ASKS:
        url = _url("people:requests")
    elif actor is not None and notification.kind not in (Kind.TAGGED, Kind.OUTING_SUGGESTED):
        url = _url("profile", actor.handle)
    else:
        url = None
    return Notice(notification, text, url)


def newest(person: User, rows: NotificationQuerySet) -> list[Notice]:
    """The notices among the newest SHOWN of `rows` that `person` may be told of: the
    subjects fetched in one query per kind of subject, the actors with the rows, and the
    subjects that word many at once worded together."""
    found = list(rows.select_related("actor").prefetch_related("subject")[:SHOWN])
    worded = worded_together([row.subject for row in found if row.subject_type_id], person)
    return [notice for row in found if (notice := notice_for(row, person, worded)) is not None]


def worded_together(subjects: list[Any], reader: User) -> dict[tuple[type, int], Told]:
    """What each subject tells `reader`, for the kinds of subject that word many at once:
    a model with a classmethod `notices_for(rows, reader) -> {pk: (text, url) | None}`
    answers for all its rows on the page in a query or two, where asking each would cost
    a query per notice (a hundred unread ones on every page, for the header's count)."""
    by_model: dict[type, tuple[Callable[[list[Any], User], dict[int, Told]], list[Any]]] = {}
    for subject in subjects:
        words = getattr(type(subject), "notices_for", None) if subject is not None else None
        if callable(words):
            by_model.setdefault(type(subject), (words, []))[1].append(subject)
    worded: dict[tuple[type, int], Told] = {}
    for model, (words, rows) in by_model.items():
        for pk, told in words(rows, reader).items():
            worded[(model, pk)] = told
    return worded


def unread_count(person: User) -> int:
    """What the header says: only what the page would show her, so that a number never
    tells her of something she may not see (a comment on an activity since hidden)."""
    return len(newest(person, Notification.objects.for_person(person).unread()))

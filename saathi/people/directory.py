"""Finding people and the lists of them: search, followers, following, requests, blocks.

Every list carries each person's tie to the viewer (does she follow them, are they
partners, is a request waiting) as annotations on the one query that reads the people,
so a list of fifty costs what a list of one does. Nobody on either side of a block
appears in anything the other reads here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.db.models import Exists, F, Func, OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from saathi.accounts.sharing import FindableBy
from saathi.people.circles import blocked_q, partners_q, signed_in
from saathi.people.models import Block, Follow, Partnership

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from saathi.accounts.models import User

# More than this many matches asks for a longer search rather than a longer page.
SEARCH_LIMIT = 50


@dataclass(frozen=True)
class Tie:
    """What a person is to the viewer, as the buttons on their profile show it."""

    is_self: bool = False
    following: bool = False  # the viewer follows them
    requested: bool = False  # the viewer asked to follow them; no answer yet
    follows_you: bool = False
    asks_to_follow: bool = False  # they asked to follow the viewer
    partners: bool = False
    asked: bool = False  # the viewer asked them to be partners
    asks_you: bool = False  # they asked the viewer to be partners


@dataclass(frozen=True)
class Person:
    """A person as a list shows them to a viewer: who, and what they are to her."""

    user: User
    tie: Tie | None  # None for a visitor who is not signed in


def _count(rows: QuerySet[Any]) -> Subquery:
    return Subquery(rows.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")[:1])


def with_counts(people: QuerySet[User]) -> QuerySet[User]:
    """Each person's followers and following (accepted follows only), in the same query."""
    return people.annotate(
        followers_count=_count(Follow.objects.filter(followed=OuterRef("pk"), accepted=True)),
        following_count=_count(Follow.objects.filter(follower=OuterRef("pk"), accepted=True)),
    )


def with_ties(people: QuerySet[User], viewer: User) -> QuerySet[User]:
    them = OuterRef("pk")
    pending = Partnership.objects.filter(accepted=False)
    return people.annotate(
        tie_following=Exists(Follow.objects.filter(follower=viewer, followed=them, accepted=True)),
        tie_requested=Exists(Follow.objects.filter(follower=viewer, followed=them, accepted=False)),
        tie_follows_you=Exists(
            Follow.objects.filter(follower=them, followed=viewer, accepted=True)
        ),
        tie_asks_to_follow=Exists(
            Follow.objects.filter(follower=them, followed=viewer, accepted=False)
        ),
        tie_partners=Exists(
            Partnership.objects.filter(
                Q(asker=viewer, answerer=them) | Q(asker=them, answerer=viewer), accepted=True
            )
        ),
        tie_asked=Exists(pending.filter(asker=viewer, answerer=them)),
        tie_asks_you=Exists(pending.filter(asker=them, answerer=viewer)),
    )


def tie_of(person: User, viewer: User | AnonymousUser | None) -> Tie | None:
    """The tie read from `with_ties`' annotations; None for a visitor."""
    me = signed_in(viewer)
    if me is None:
        return None
    if me.pk == person.pk:
        return Tie(is_self=True)
    return Tie(
        following=person.tie_following,  # type: ignore[attr-defined]
        requested=person.tie_requested,  # type: ignore[attr-defined]
        follows_you=person.tie_follows_you,  # type: ignore[attr-defined]
        asks_to_follow=person.tie_asks_to_follow,  # type: ignore[attr-defined]
        partners=person.tie_partners,  # type: ignore[attr-defined]
        asked=person.tie_asked,  # type: ignore[attr-defined]
        asks_you=person.tie_asks_you,  # type: ignore[attr-defined]
    )


def reachable_by(viewer: User | AnonymousUser | None) -> QuerySet[User]:
    """The people whose profile `viewer` may open: everyone active but those on either
    side of a block with her; for a visitor, only those whose profile is public."""
    people = get_user_model().objects.filter(is_active=True)
    me = signed_in(viewer)
    if me is None:
        return people.filter(public_profile=True)
    return with_ties(people.exclude(blocked_q(me)), me)


def person_for(viewer: User | AnonymousUser | None, handle: str) -> User:
    """The person at `handle` with their counts and tie to `viewer`, or Http404 when the
    viewer may not know they exist: one query."""
    person = with_counts(reachable_by(viewer)).filter(handle=handle).first()
    if person is None:
        raise Http404("No such person.")
    return person


def followers_of(person: User, viewer: User | AnonymousUser | None) -> QuerySet[User]:
    return reachable_by(viewer).filter(follows_out__followed=person, follows_out__accepted=True)


def following_of(person: User, viewer: User | AnonymousUser | None) -> QuerySet[User]:
    return reachable_by(viewer).filter(follows_in__follower=person, follows_in__accepted=True)


def listed(people: Iterable[User], viewer: User | AnonymousUser | None) -> list[Person]:
    """`people` (read through `reachable_by`, so they carry their ties), with those ties."""
    return [Person(user, tie_of(user, viewer)) for user in people]


def findable_by(viewer: User) -> Q:
    """People who let `viewer` find them: everyone who lets everyone, and those who let
    only people they follow when they follow her (or are her partners)."""
    followers_of_viewer = Follow.objects.filter(followed=viewer, accepted=True).values("follower")
    return (
        Q(findable_by=FindableBy.EVERYONE)
        | Q(pk__in=followers_of_viewer)
        | partners_q(viewer)
        | Q(pk=viewer.pk)
    )


def search(viewer: User, words: str) -> list[Person]:
    """People whose handle or name contains `words`, as far as they let `viewer` find them."""
    words = words.strip().removeprefix("@")
    if not words:
        return []
    matches = reachable_by(viewer).filter(findable_by(viewer))
    matches = matches.filter(Q(handle__icontains=words) | Q(display_name__icontains=words))
    return listed(matches.order_by("handle")[:SEARCH_LIMIT], viewer)


def asking(person: User) -> tuple[list[Person], list[Person]]:
    """Who waits for `person`'s answer: follow requests, then partner requests."""
    people = reachable_by(person)
    follows = people.filter(follows_out__followed=person, follows_out__accepted=False)
    partners = people.filter(
        partnerships_asked__answerer=person, partnerships_asked__accepted=False
    )
    return listed(follows.order_by("handle"), person), listed(partners.order_by("handle"), person)


def blocked_by(person: User) -> QuerySet[User]:
    """Whom `person` blocked, by handle."""
    blocks = Block.objects.filter(blocker=person).values("blocked")
    return get_user_model().objects.filter(pk__in=blocks).order_by("handle")

"""The circles around a viewer: whom they follow, their partners, whom a block parts them
from, and the one condition that turns those into "may see".

`may_see` is written once for any row with an owner and a level (activities, their maps,
and later photos and events): `Activity.objects.visible_to` is built on it, and nothing
else decides who sees what.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import F, IntegerField, Q, QuerySet, Value

from saathi.accounts.sharing import Visibility
from saathi.people.models import Block, Follow, Partnership

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from saathi.accounts.models import User


class Relation(enum.IntEnum):
    """What one person is to another, widest last; a level is open to a relation when
    `Relation.sees(level)`. A block makes both sides strangers (and more: blocked
    people cannot find each other at all, see `blocked_either_way`)."""

    ANONYMOUS = 0
    BLOCKED = 1
    SIGNED_IN = 2
    FOLLOWER = 3
    PARTNER = 4
    SELF = 5

    def sees(self, level: str, *, public_profile: bool = False) -> bool:
        if self is Relation.SELF:
            return True
        if self is Relation.BLOCKED:
            return False
        if self is Relation.ANONYMOUS:
            return level == Visibility.PUBLIC and public_profile
        wanted = {
            Relation.SIGNED_IN: Visibility.PUBLIC,
            Relation.FOLLOWER: Visibility.FOLLOWERS,
            Relation.PARTNER: Visibility.PARTNERS,
        }[self]
        return Visibility.rank(level) >= Visibility.rank(wanted)


def signed_in(viewer: User | AnonymousUser | None) -> User | None:
    return viewer if viewer is not None and viewer.is_authenticated else None


def followed_by(viewer: User) -> QuerySet[Follow, int]:
    """The ids of the people `viewer` follows (accepted follows only)."""
    return Follow.objects.filter(follower=viewer, accepted=True).values_list("followed", flat=True)


def followers_of(person: User) -> QuerySet[Follow, int]:
    return Follow.objects.filter(followed=person, accepted=True).values_list("follower", flat=True)


def partners_q(viewer: User, field: str = "pk") -> Q:
    """`field` is one of viewer's accepted partners (the pair is stored once, either way)."""
    accepted = Partnership.objects.filter(accepted=True)
    return Q(**{f"{field}__in": accepted.filter(asker=viewer).values("answerer")}) | Q(
        **{f"{field}__in": accepted.filter(answerer=viewer).values("asker")}
    )


def blocked_q(viewer: User, field: str = "pk") -> Q:
    """`field` is someone viewer blocked or who blocked viewer."""
    return Q(**{f"{field}__in": Block.objects.filter(blocker=viewer).values("blocked")}) | Q(
        **{f"{field}__in": Block.objects.filter(blocked=viewer).values("blocker")}
    )


@dataclass(frozen=True)
class Ties:
    """Whom one person follows (accepted), trains with, and is parted from by a block
    either way, as ids read at one moment: for a page that asks `may_see` several times
    (the feed), so that each condition is a list of ids rather than seven subqueries
    for the ORM to build and PostgreSQL to plan at every use. Read them in the request
    that uses them, never keep them: a follow a second later is not in them."""

    person: int
    followed: frozenset[int]
    partners: frozenset[int]
    blocked: frozenset[int]

    @classmethod
    def of(cls, me: User) -> Ties:
        """One query: the three lists, tagged, in a UNION."""
        accepted = Partnership.objects.filter(accepted=True)

        def tagged(rows: QuerySet[Any, Any], tag: int) -> QuerySet[Any, Any]:
            tagged_rows: QuerySet[Any, Any] = rows.annotate(tag=Value(tag, IntegerField()))
            return tagged_rows.values_list("tag", "other")

        follows = Follow.objects.filter(follower=me, accepted=True).annotate(other=F("followed"))
        asked = accepted.filter(asker=me).annotate(other=F("answerer"))
        answered = accepted.filter(answerer=me).annotate(other=F("asker"))
        blocking = Block.objects.filter(blocker=me).annotate(other=F("blocked"))
        blocked_by = Block.objects.filter(blocked=me).annotate(other=F("blocker"))
        rows = tagged(follows, 0).union(
            tagged(asked, 1),
            tagged(answered, 1),
            tagged(blocking, 2),
            tagged(blocked_by, 2),
            all=True,
        )
        found: tuple[set[int], set[int], set[int]] = (set(), set(), set())
        for tag, other in rows:
            found[tag].add(other)
        return cls(me.pk, frozenset(found[0]), frozenset(found[1]), frozenset(found[2]))


def may_see(
    viewer: User | AnonymousUser | None,
    *,
    level: str,
    owner: str = "owner",
    ties: Ties | None = None,
) -> Q:
    """The rows whose `level` field lets `viewer` see them, `owner` being whose they are.

    Levels nest: partners see what followers see, followers what everyone sees. An
    anonymous visitor sees "everyone" rows of owners whose profile is public. What a
    suspended account (is_active off, saathi/moderation/) shared is seen by nobody while
    the suspension lasts; lifting it brings everything back as it was. With `ties` (hers,
    read just before) the same condition is written with their ids instead of subqueries.
    """
    me = signed_in(viewer)
    active = Q(**{f"{owner}__is_active": True})
    if me is None:
        return Q(**{level: Visibility.PUBLIC, f"{owner}__public_profile": True}) & active
    if ties is not None:
        if ties.person != me.pk:
            raise ValueError("may_see was given someone else's ties")
        partners = Q(**{f"{owner}__in": sorted(ties.partners)})
        followed = Q(**{f"{owner}__in": sorted(ties.followed)})
        parted = Q(**{f"{owner}__in": sorted(ties.blocked)})
    else:
        partners = partners_q(me, owner)
        followed = Q(**{f"{owner}__in": followed_by(me)})
        parted = blocked_q(me, owner)
    opened = (
        Q(**{level: Visibility.PUBLIC})
        | (Q(**{level: Visibility.FOLLOWERS}) & (followed | partners))
        | (Q(**{level: Visibility.PARTNERS}) & partners)
    )
    return Q(**{owner: me}) | (opened & active & ~parted)


def may_know_of(viewer: User | AnonymousUser | None, *, level: str, owner: str = "owner") -> Q:
    """The rows `viewer` may know exist without seeing them ("and 1 other" on an
    outing): what she may see, and what is shared with anyone at all by someone no
    block parts her from. What is "only me" is never even counted; a visitor who is
    not signed in knows only what she may see."""
    me = signed_in(viewer)
    if me is None:
        # A visitor who is not signed in learns nothing beyond what she may see.
        return may_see(viewer, level=level, owner=owner)
    shared = ~Q(**{level: Visibility.ONLY_ME}) & Q(**{f"{owner}__is_active": True})
    return Q(**{owner: me}) | (shared & ~blocked_q(me, owner))


def relation(viewer: User | AnonymousUser | None, person: User) -> Relation:
    """What `person` is to `viewer`, in at most three small queries."""
    me = signed_in(viewer)
    if me is None:
        return Relation.ANONYMOUS
    if me.pk == person.pk:
        return Relation.SELF
    if Block.objects.filter(Q(blocker=me, blocked=person) | Q(blocker=person, blocked=me)).exists():
        return Relation.BLOCKED
    if Partnership.objects.filter(
        Q(asker=me, answerer=person) | Q(asker=person, answerer=me), accepted=True
    ).exists():
        return Relation.PARTNER
    if Follow.objects.filter(follower=me, followed=person, accepted=True).exists():
        return Relation.FOLLOWER
    return Relation.SIGNED_IN

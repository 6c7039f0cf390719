"""The changes between two people: follow, partner, block, and their undoing.

Each is one function in one transaction that makes every effect visible at its call site,
the notifications included. A block parts two people for good: nothing here lets either
reach the other while it stands, and each function refuses (ValueError) rather than
leave a trace the blocked person could notice; the pages turn the refusal into a 404.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Q
from django.utils.timezone import now

from saathi.notifications.models import Kind, Notification
from saathi.notifications.sending import notify
from saathi.people.models import Block, Follow, Partnership

if TYPE_CHECKING:
    from saathi.accounts.models import User


class RelationError(ValueError):
    """Two people cannot be linked this way: the same person, or a block between them."""


def blocked_either_way(a: User, b: User) -> bool:
    return Block.objects.filter(Q(blocker=a, blocked=b) | Q(blocker=b, blocked=a)).exists()


def pair(a: User, b: User) -> Q:
    """The partnership row of `a` and `b`, whichever of them asked."""
    return Q(asker=a, answerer=b) | Q(asker=b, answerer=a)


def _may_link(a: User, b: User) -> None:
    if a.pk == b.pk:
        raise RelationError("A person cannot follow, partner or block themselves.")
    if blocked_either_way(a, b):
        raise RelationError("These two people cannot reach each other.")


def _forget_ask(*, recipient: User, actor: User, kind: Kind) -> None:
    """An ask answered or withdrawn no longer waits in the reader's notifications."""
    Notification.objects.filter(recipient=recipient, actor=actor, kind=kind).delete()


@transaction.atomic
def ask_to_follow(*, follower: User, followed: User) -> Follow:
    """A request, or at once a follow when `followed` lets anyone follow them. Asking
    again returns the standing follow or request and tells nobody twice."""
    _may_link(follower, followed)
    follow, created = Follow.objects.get_or_create(
        follower=follower,
        followed=followed,
        defaults={
            "accepted": not followed.approve_followers,
            "accepted_at": None if followed.approve_followers else now(),
        },
    )
    if created:
        kind = Kind.FOLLOWED if follow.accepted else Kind.FOLLOW_REQUESTED
        notify(recipient=followed, actor=follower, kind=kind)
    return follow


@transaction.atomic
def accept_follow(*, followed: User, follower: User) -> Follow:
    """Raises Follow.DoesNotExist when there is no request to accept."""
    # Locked: a second click while the first is saving must not notify twice.
    follow = Follow.objects.select_for_update().get(follower=follower, followed=followed)
    if follow.accepted:
        return follow
    follow.accepted, follow.accepted_at = True, now()
    follow.save(update_fields=["accepted", "accepted_at"])
    _forget_ask(recipient=followed, actor=follower, kind=Kind.FOLLOW_REQUESTED)
    notify(recipient=follower, actor=followed, kind=Kind.FOLLOW_ACCEPTED)
    return follow


@transaction.atomic
def decline_follow(*, followed: User, follower: User) -> None:
    """The request goes without a word to the person who asked."""
    Follow.objects.filter(follower=follower, followed=followed, accepted=False).delete()
    _forget_ask(recipient=followed, actor=follower, kind=Kind.FOLLOW_REQUESTED)


@transaction.atomic
def remove_follower(*, followed: User, follower: User) -> None:
    """`followed` stops `follower` following them, quietly; they may ask again."""
    Follow.objects.filter(follower=follower, followed=followed).delete()


@transaction.atomic
def unfollow(*, follower: User, followed: User) -> None:
    """Stops following, or withdraws a request not yet answered."""
    Follow.objects.filter(follower=follower, followed=followed).delete()
    _forget_ask(recipient=followed, actor=follower, kind=Kind.FOLLOW_REQUESTED)


@transaction.atomic
def ask_partner(*, asker: User, answerer: User) -> Partnership:
    """A request to be training partners. When `answerer` had already asked `asker`,
    asking back is saying yes."""
    _may_link(asker, answerer)
    standing = Partnership.objects.select_for_update().filter(pair(asker, answerer)).first()
    if standing is None:
        partnership = Partnership.objects.create(asker=asker, answerer=answerer)
        notify(recipient=answerer, actor=asker, kind=Kind.PARTNER_REQUESTED)
        return partnership
    if not standing.accepted and standing.answerer_id == asker.pk:
        return accept_partner(answerer=asker, asker=answerer)
    return standing


@transaction.atomic
def accept_partner(*, answerer: User, asker: User) -> Partnership:
    """Raises Partnership.DoesNotExist when `asker` has not asked `answerer`."""
    partnership = Partnership.objects.select_for_update().get(asker=asker, answerer=answerer)
    if partnership.accepted:
        return partnership
    partnership.accepted, partnership.accepted_at = True, now()
    partnership.save(update_fields=["accepted", "accepted_at"])
    _forget_ask(recipient=answerer, actor=asker, kind=Kind.PARTNER_REQUESTED)
    notify(recipient=asker, actor=answerer, kind=Kind.PARTNER_ACCEPTED)
    return partnership


@transaction.atomic
def decline_partner(*, answerer: User, asker: User) -> None:
    Partnership.objects.filter(asker=asker, answerer=answerer, accepted=False).delete()
    _forget_ask(recipient=answerer, actor=asker, kind=Kind.PARTNER_REQUESTED)


@transaction.atomic
def end_partnership(*, person: User, other: User) -> None:
    """Either partner ends it, at any time; a request not yet answered is withdrawn."""
    Partnership.objects.filter(pair(person, other)).delete()
    _forget_ask(recipient=other, actor=person, kind=Kind.PARTNER_REQUESTED)


@transaction.atomic
def set_auto_join(*, person: User, partner: User, auto_joins: bool) -> Partnership:
    """Whether `person` lets outings detected with `partner` join without asking each
    time. Raises Partnership.DoesNotExist unless they are partners."""
    partnership = (
        Partnership.objects.select_for_update().filter(pair(person, partner), accepted=True).get()
    )
    field = "asker_auto_joins" if partnership.asker_id == person.pk else "answerer_auto_joins"
    setattr(partnership, field, auto_joins)
    partnership.save(update_fields=[field])
    return partnership


@transaction.atomic
def block(*, blocker: User, blocked: User) -> Block:
    """Ends follows and requests both ways and the partnership, and takes away what
    either was told about the other: from now on they are strangers."""
    if blocker.pk == blocked.pk:
        raise RelationError("A person cannot block themselves.")
    Follow.objects.filter(
        Q(follower=blocker, followed=blocked) | Q(follower=blocked, followed=blocker)
    ).delete()
    Partnership.objects.filter(pair(blocker, blocked)).delete()
    Notification.objects.filter(
        Q(recipient=blocker, actor=blocked) | Q(recipient=blocked, actor=blocker)
    ).delete()
    made, _ = Block.objects.get_or_create(blocker=blocker, blocked=blocked)
    return made


@transaction.atomic
def unblock(*, blocker: User, blocked: User) -> None:
    """Lifts the block and nothing else: the follows and partnership it ended stay ended."""
    Block.objects.filter(blocker=blocker, blocked=blocked).delete()

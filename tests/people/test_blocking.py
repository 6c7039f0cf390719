"""Blocking ends every link both ways and takes away what each was told of the other."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.notifications.models import Kind, Notification
from saathi.people.models import Block, Follow, Partnership
from saathi.people.relations import ask_partner, ask_to_follow, block

pytestmark = pytest.mark.django_db


def test_follows_both_ways_and_the_partnership_end(owner: User, partner: User) -> None:
    Follow.objects.create(follower=owner, followed=partner, accepted=True)
    Follow.objects.create(follower=partner, followed=owner, accepted=True)
    block(blocker=owner, blocked=partner)
    assert not Follow.objects.exists()
    assert not Partnership.objects.exists()
    assert Block.objects.filter(blocker=owner, blocked=partner).exists()


def test_pending_requests_and_their_notifications_go(owner: User, stranger: User) -> None:
    ask_to_follow(follower=stranger, followed=owner)
    ask_partner(asker=owner, answerer=stranger)
    block(blocker=stranger, blocked=owner)
    assert not Follow.objects.exists()
    assert not Partnership.objects.exists()
    assert not Notification.objects.exists()


def test_notifications_from_others_stay(owner: User, stranger: User, follower: User) -> None:
    Notification.objects.create(recipient=owner, actor=follower, kind=Kind.FOLLOWED)
    Notification.objects.create(recipient=owner, actor=stranger, kind=Kind.FOLLOWED)
    block(blocker=owner, blocked=stranger)
    assert list(Notification.objects.values_list("actor", flat=True)) == [follower.pk]


def test_blocking_twice_keeps_one_block(owner: User, stranger: User) -> None:
    block(blocker=owner, blocked=stranger)
    block(blocker=owner, blocked=stranger)
    assert Block.objects.count() == 1

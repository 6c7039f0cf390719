"""Unblocking lifts the block and restores nothing by itself."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.people.models import Block, Follow, Partnership
from saathi.people.relations import ask_to_follow, block, unblock

pytestmark = pytest.mark.django_db


def test_the_ended_follow_and_partnership_stay_ended(owner: User, partner: User) -> None:
    Follow.objects.create(follower=partner, followed=owner, accepted=True)
    block(blocker=owner, blocked=partner)
    unblock(blocker=owner, blocked=partner)
    assert not Block.objects.exists()
    assert not Follow.objects.exists()
    assert not Partnership.objects.exists()


def test_after_unblocking_they_may_ask_again(owner: User, blocked: User) -> None:
    unblock(blocker=owner, blocked=blocked)
    assert ask_to_follow(follower=blocked, followed=owner).accepted is False


def test_only_the_blocker_lifts_a_block(owner: User, blocked: User) -> None:
    unblock(blocker=blocked, blocked=owner)
    assert Block.objects.filter(blocker=owner, blocked=blocked).exists()

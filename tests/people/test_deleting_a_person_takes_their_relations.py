"""Deleting a person removes their follows, partnerships, blocks and notifications, by cascade."""

from __future__ import annotations

import pytest

from saathi.accounts.deletion import delete_account
from saathi.accounts.models import User
from saathi.notifications.models import Kind, Notification
from saathi.people.models import Block, Follow, Partnership

pytestmark = pytest.mark.django_db


def test_every_row_that_names_them_goes_and_the_others_stay(
    owner: User, partner: User, follower: User, awaiting: User, blocked: User, stranger: User
) -> None:
    Follow.objects.create(follower=owner, followed=stranger, accepted=True)
    Follow.objects.create(follower=follower, followed=stranger, accepted=True)
    Block.objects.create(blocker=stranger, blocked=owner)
    Notification.objects.create(recipient=owner, actor=follower, kind=Kind.FOLLOWED)
    Notification.objects.create(recipient=follower, actor=owner, kind=Kind.FOLLOW_ACCEPTED)
    Notification.objects.create(recipient=stranger, actor=follower, kind=Kind.FOLLOWED)

    delete_account(user=owner)

    assert list(Follow.objects.values_list("follower", "followed")) == [(follower.pk, stranger.pk)]
    assert not Partnership.objects.exists()
    assert not Block.objects.exists()
    assert list(Notification.objects.values_list("recipient", flat=True)) == [stranger.pk]

"""A person may remove someone who follows them."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.notifications.models import Notification
from saathi.people.models import Follow
from saathi.people.relations import remove_follower

pytestmark = pytest.mark.django_db


def test_the_follower_no_longer_follows_and_is_not_told(owner: User, follower: User) -> None:
    remove_follower(followed=owner, follower=follower)
    assert not Follow.objects.filter(follower=follower, followed=owner).exists()
    assert not Notification.objects.filter(recipient=follower).exists()


def test_removing_a_follower_keeps_the_follow_the_other_way(owner: User, follower: User) -> None:
    Follow.objects.create(follower=owner, followed=follower, accepted=True)
    remove_follower(followed=owner, follower=follower)
    assert Follow.objects.filter(follower=owner, followed=follower).exists()

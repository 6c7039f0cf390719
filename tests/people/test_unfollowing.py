"""Unfollowing is one step, and also withdraws a request not yet answered."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.notifications.models import Notification
from saathi.people.models import Follow
from saathi.people.relations import ask_to_follow, unfollow

pytestmark = pytest.mark.django_db


def test_a_follower_stops_following(owner: User, follower: User) -> None:
    unfollow(follower=follower, followed=owner)
    assert not Follow.objects.filter(follower=follower).exists()


def test_a_withdrawn_request_leaves_the_owners_notifications(owner: User, stranger: User) -> None:
    ask_to_follow(follower=stranger, followed=owner)
    unfollow(follower=stranger, followed=owner)
    assert not Follow.objects.filter(follower=stranger).exists()
    assert not Notification.objects.filter(recipient=owner).exists()


def test_unfollowing_someone_not_followed_changes_nothing(owner: User, stranger: User) -> None:
    unfollow(follower=stranger, followed=owner)
    assert not Follow.objects.exists()

"""Declining a follow request removes it without telling the person who asked."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.notifications.models import Notification
from saathi.people.models import Follow
from saathi.people.relations import ask_to_follow, decline_follow

pytestmark = pytest.mark.django_db


def test_the_request_goes_and_nobody_is_told(owner: User, stranger: User) -> None:
    ask_to_follow(follower=stranger, followed=owner)
    decline_follow(followed=owner, follower=stranger)
    assert not Follow.objects.filter(follower=stranger).exists()
    assert not Notification.objects.exists()


def test_declining_leaves_an_accepted_follower_alone(owner: User, follower: User) -> None:
    decline_follow(followed=owner, follower=follower)
    assert Follow.objects.filter(follower=follower, followed=owner, accepted=True).exists()


def test_the_person_may_ask_again(owner: User, stranger: User) -> None:
    ask_to_follow(follower=stranger, followed=owner)
    decline_follow(followed=owner, follower=stranger)
    assert ask_to_follow(follower=stranger, followed=owner).accepted is False

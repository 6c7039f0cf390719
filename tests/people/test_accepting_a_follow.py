"""Accepting a follow request makes a follower and tells the one who asked."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.notifications.models import Kind, Notification
from saathi.people.models import Follow
from saathi.people.relations import accept_follow, ask_to_follow

pytestmark = pytest.mark.django_db


def test_the_request_becomes_a_follow_and_the_asker_is_told(owner: User, stranger: User) -> None:
    ask_to_follow(follower=stranger, followed=owner)
    follow = accept_follow(followed=owner, follower=stranger)
    assert follow.accepted is True
    assert follow.accepted_at is not None
    told = Notification.objects.get(recipient=stranger)
    assert (told.kind, told.actor) == (Kind.FOLLOW_ACCEPTED, owner)


def test_the_answered_request_leaves_the_owners_notifications(owner: User, stranger: User) -> None:
    ask_to_follow(follower=stranger, followed=owner)
    accept_follow(followed=owner, follower=stranger)
    assert not Notification.objects.filter(recipient=owner).exists()


def test_accepting_twice_tells_once(owner: User, awaiting: User) -> None:
    accept_follow(followed=owner, follower=awaiting)
    accept_follow(followed=owner, follower=awaiting)
    assert Notification.objects.filter(recipient=awaiting).count() == 1


def test_there_is_nothing_to_accept_without_a_request(owner: User, stranger: User) -> None:
    with pytest.raises(Follow.DoesNotExist):
        accept_follow(followed=owner, follower=stranger)

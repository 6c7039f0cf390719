"""Asking to follow: a request that waits, or a follow at once when the person lets anyone."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.notifications.models import Kind, Notification
from saathi.people.models import Follow
from saathi.people.relations import RelationError, ask_to_follow

pytestmark = pytest.mark.django_db


def test_a_request_waits_for_the_person_who_approves_followers(owner: User, stranger: User) -> None:
    follow = ask_to_follow(follower=stranger, followed=owner)
    assert follow.accepted is False
    assert follow.accepted_at is None
    told = Notification.objects.get(recipient=owner)
    assert (told.kind, told.actor) == (Kind.FOLLOW_REQUESTED, stranger)


def test_it_is_accepted_at_once_when_anyone_may_follow(owner: User, stranger: User) -> None:
    owner.approve_followers = False
    owner.save()
    follow = ask_to_follow(follower=stranger, followed=owner)
    assert follow.accepted is True
    assert follow.accepted_at is not None
    assert Notification.objects.get(recipient=owner).kind == Kind.FOLLOWED


def test_asking_twice_keeps_one_request_and_one_notification(owner: User, stranger: User) -> None:
    ask_to_follow(follower=stranger, followed=owner)
    ask_to_follow(follower=stranger, followed=owner)
    assert Follow.objects.filter(follower=stranger, followed=owner).count() == 1
    assert Notification.objects.filter(recipient=owner).count() == 1


def test_nobody_follows_themselves(owner: User) -> None:
    with pytest.raises(RelationError):
        ask_to_follow(follower=owner, followed=owner)

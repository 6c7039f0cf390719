"""Deleting an activity takes its reactions, comments and mentions, and every notice
about them."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.activities.changes import delete_activity
from saathi.conversations.comments import post_comment
from saathi.conversations.models import Comment, Mention, Reaction
from saathi.conversations.reactions import react
from saathi.notifications.models import Notification
from tests.conversations.talk import hill_run

pytestmark = pytest.mark.django_db


def test_nothing_said_on_it_is_left(owner: User, partner: User, follower: User) -> None:
    run = hill_run(owner)
    react(activity=run, person=partner, kind="kudos")
    post_comment(activity=run, author=partner, body="Hi @follower")
    post_comment(activity=run, author=follower, body="Hello")
    # Kudos, two comments to her, the mention, the reply to Priya.
    assert Notification.objects.count() == 5
    delete_activity(run)
    assert not Reaction.objects.exists() and not Comment.objects.exists()
    assert not Mention.objects.exists() and not Notification.objects.exists()

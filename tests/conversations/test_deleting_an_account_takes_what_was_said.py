"""Deleting an account takes the reactions and comments the person gave and what others
said on their activities (all by CASCADE), and the deletion page counts them first."""

from __future__ import annotations

import pytest

from saathi.accounts.deletion import delete_account
from saathi.accounts.models import User
from saathi.conversations.comments import post_comment
from saathi.conversations.models import Comment, Mention, Reaction
from saathi.conversations.reactions import react
from saathi.notifications.models import Notification
from saathi.pages.account_deletion import belongings
from tests.conversations.talk import hill_run
from tests.people import browser_of

pytestmark = pytest.mark.django_db


def test_her_words_and_those_on_her_activities_are_counted_then_gone(
    owner: User, partner: User, follower: User
) -> None:
    hers = hill_run(owner)
    his = hill_run(partner)
    react(activity=his, person=owner, kind="kudos")
    post_comment(activity=his, author=owner, body="Well run @partner")
    react(activity=hers, person=follower, kind="fire")
    post_comment(activity=hers, author=follower, body="Wow")
    post_comment(activity=hers, author=partner, body="Great")
    counted = belongings(owner)
    assert (counted.reactions, counted.comments, counted.said_to_them) == (1, 1, 3)
    page = " ".join(browser_of(owner).get("/settings/delete/").content.decode().split())
    assert "<strong>1</strong> reaction and <strong>1</strong> comment you gave" in page
    assert "<strong>3</strong> of others\u2019 reactions and comments" in page

    delete_account(user=owner)

    assert not Reaction.objects.exists() and not Comment.objects.exists()
    assert not Mention.objects.exists()
    # The partner's notices of her kudos and comment went with them.
    assert not Notification.objects.filter(recipient=partner).exists()

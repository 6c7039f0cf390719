"""Once blocked, a person's past reactions and comments on the blocker's activity
disappear from its page for the blocker and for everyone else (counts included), her
notices about them go out of sight, and she can no longer mention the blocker's
followers there, nor be mentioned by the blocker."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse

from saathi.accounts.models import User
from saathi.conversations.comments import post_comment
from saathi.conversations.mentions import write_mentions
from saathi.conversations.models import Mention
from saathi.conversations.reactions import react
from saathi.people.models import Block
from tests.conversations.talk import hill_run, notices
from tests.people import browser_of

pytestmark = pytest.mark.django_db


def test_her_words_and_kudos_leave_the_page_for_everyone(
    owner: User, stranger: User, make_user: Callable[..., User]
) -> None:
    run = hill_run(owner)
    nasty = make_user("nasty", display_name="Nasty Person")
    react(activity=run, person=nasty, kind="laugh")
    post_comment(activity=run, author=nasty, body="Slowest run ever")
    Block.objects.create(blocker=owner, blocked=nasty)
    for viewer in (owner, stranger):
        page = browser_of(viewer).get(reverse("activities:detail", args=[run.pk]))
        text = page.content.decode()
        assert "Slowest run ever" not in text and "Nasty Person" not in text
        assert 'class="reaction-count"' not in text  # her 😂 is not counted
    assert notices(owner) == []


def test_the_blocker_cannot_mention_her_nor_she_the_blocker(owner: User, blocked: User) -> None:
    run = hill_run(owner)
    write_mentions(activity=run, author=owner, text="With @blocked", comment=None)
    assert not Mention.objects.exists()
    assert (
        browser_of(blocked)
        .post(reverse("conversations:comment", args=[run.pk]), {"body": "@asha hi"})
        .status_code
        == 404
    )

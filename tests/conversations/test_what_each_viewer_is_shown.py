"""Reactions and comments are shown only on activities the viewer may see; a block
between a commenter and the owner (or the viewer) hides the commenter's words from
everyone while it lasts; a hidden comment is its author's alone; a suspended account's
words are shown to nobody."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.conversations.models import Comment, Reaction
from saathi.people.models import Block
from tests.together.recordings import loop_run, recorded

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(owner: User) -> Activity:
    return recorded(owner, loop_run(), visibility="public")


def said(run: Activity, person: User, text: str) -> Comment:
    Reaction.objects.create(activity=run, person=person, kind="kudos")
    return Comment.objects.create(activity=run, author=person, body=text)


def shown(viewer: User) -> tuple[list[str], int]:
    bodies = list(Comment.objects.shown_to(viewer).values_list("body", flat=True))
    return bodies, Reaction.objects.shown_to(viewer).count()


def test_everyone_who_may_see_it_is_shown_what_was_said(
    run: Activity, owner: User, partner: User, stranger: User
) -> None:
    said(run, partner, "Lovely pace")
    assert shown(owner) == shown(stranger) == (["Lovely pace"], 1)
    run.visibility = "partners"
    run.save()
    assert shown(stranger) == ([], 0)


def test_a_block_with_the_owner_hides_the_blocked_persons_words_from_everyone(
    run: Activity, owner: User, stranger: User, make_user: Callable[..., User]
) -> None:
    nasty = make_user("nasty")
    said(run, nasty, "Slow")
    said(run, stranger, "Well done")
    Block.objects.create(blocker=owner, blocked=nasty)
    assert shown(owner) == shown(stranger) == (["Well done"], 1)


def test_a_viewer_who_blocked_a_commenter_does_not_see_her_words(
    run: Activity, stranger: User, follower: User
) -> None:
    said(run, stranger, "Hi")
    Block.objects.create(blocker=follower, blocked=stranger)
    assert shown(follower) == ([], 0)


def test_a_hidden_comment_is_its_authors_alone_and_a_suspended_account_says_nothing(
    run: Activity, owner: User, stranger: User, partner: User
) -> None:
    hidden = said(run, stranger, "Spam")
    hidden.hidden = True
    hidden.save()
    assert shown(stranger)[0] == ["Spam"] and shown(owner)[0] == []
    said(run, partner, "Great")
    partner.is_active = False
    partner.save()
    assert shown(owner) == ([], 1)

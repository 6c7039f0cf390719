"""A comment tells the activity's owner (COMMENTED) and everyone else who commented on it
before and is still shown it (REPLIED), never its author; each notice is worded when read
and is not shown once the reader may no longer see the comment."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from saathi.accounts.models import User
from saathi.conversations.comments import delete_comment, post_comment
from saathi.conversations.models import Comment
from saathi.notifications.models import Kind, Notification
from saathi.people.models import Block
from tests.conversations.talk import hill_run, notices

pytestmark = pytest.mark.django_db


def kinds(person: User) -> list[str]:
    return list(Notification.objects.for_person(person).values_list("kind", flat=True))


def test_the_owner_is_told_and_earlier_commenters_are_told_of_the_reply(
    owner: User, partner: User, follower: User
) -> None:
    run = hill_run(owner)
    post_comment(activity=run, author=partner, body="Lovely pace")
    post_comment(activity=run, author=owner, body="Thanks!")
    post_comment(activity=run, author=follower, body="Agreed")
    assert kinds(owner) == [Kind.COMMENTED, Kind.COMMENTED]
    assert kinds(partner) == [Kind.REPLIED, Kind.REPLIED]
    assert kinds(follower) == []
    assert notices(owner)[0] == "Farid Khan commented on Hill run: “Agreed”"
    assert notices(partner)[0] == "Farid Khan replied on Hill run: “Agreed”"


def test_nobody_is_told_of_their_own_comment(owner: User) -> None:
    run = hill_run(owner)
    post_comment(activity=run, author=owner, body="Felt strong")
    post_comment(activity=run, author=owner, body="Again")
    assert not Notification.objects.exists()


def test_an_earlier_commenter_who_may_no_longer_see_it_is_not_told(
    owner: User, stranger: User, partner: User
) -> None:
    run = hill_run(owner)
    post_comment(activity=run, author=stranger, body="Hi")
    run.visibility = "partners"
    run.save()
    post_comment(activity=run, author=partner, body="Partners only now")
    assert kinds(stranger) == []


def test_a_block_between_the_reader_and_the_author_silences_the_notice(
    owner: User, follower: User, stranger: User
) -> None:
    run = hill_run(owner)
    post_comment(activity=run, author=stranger, body="Hi")
    Block.objects.create(blocker=stranger, blocked=follower)
    post_comment(activity=run, author=follower, body="Hello")
    assert kinds(stranger) == []
    # A block after the notice: it is not shown any more.
    post_comment(activity=run, author=owner, body="Hi both")
    assert notices(stranger) == ["Asha Rao replied on Hill run: “Hi both”"]
    Block.objects.create(blocker=owner, blocked=stranger)
    assert notices(stranger) == []


def test_a_hidden_or_deleted_comment_takes_its_notices_out_of_sight(
    owner: User, make_user: Callable[..., User]
) -> None:
    run = hill_run(owner)
    spam = post_comment(activity=run, author=make_user("spammer"), body="Buy now")
    Comment.objects.filter(pk=spam.pk).update(hidden=True)
    assert notices(owner) == []
    delete_comment(spam)
    assert not Notification.objects.exists()


def test_a_long_comment_is_quoted_short(owner: User, partner: User) -> None:
    post_comment(activity=hill_run(owner), author=partner, body="word " * 100)
    (text,) = notices(owner)
    assert text.endswith("word…”") and len(text) < 110

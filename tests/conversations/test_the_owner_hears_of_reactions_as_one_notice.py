"""The owner keeps one unread notice of the reactions to an activity: a new one
re-points it rather than adding another, and it is worded when read, counting only the
reactions she is shown ("Meera and 2 others gave kudos to Hill run", "reacted to" when
the kinds are mixed). Nobody is told of their own reaction."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse
from django.utils.timezone import now

from saathi.accounts.models import User
from saathi.conversations.models import Reaction, ReactionKind
from saathi.conversations.reactions import react
from saathi.notifications.models import Kind, Notification
from saathi.people.models import Block
from tests.conversations.talk import hill_run, notices
from tests.people import browser_of

pytestmark = pytest.mark.django_db

KUDOS, FIRE = ReactionKind.KUDOS, ReactionKind.FIRE


def test_reactions_while_unread_make_one_notice_naming_the_newest(
    owner: User, partner: User, follower: User, stranger: User
) -> None:
    run = hill_run(owner)
    for person in (follower, partner, stranger):
        react(activity=run, person=person, kind=KUDOS)
    assert Notification.objects.filter(kind=Kind.REACTED).count() == 1
    assert notices(owner) == ["Vikram Singh and 2 others gave kudos to Hill run"]
    react(activity=run, person=partner, kind=FIRE)
    assert notices(owner) == ["Vikram Singh and 2 others reacted to Hill run"]


def test_a_reaction_after_she_read_the_notice_starts_a_new_one(
    owner: User, partner: User, follower: User
) -> None:
    run = hill_run(owner)
    react(activity=run, person=follower, kind=KUDOS)
    Notification.objects.update(read_at=now())
    react(activity=run, person=partner, kind=KUDOS)
    assert notices(owner) == [
        "Priya Nair and 1 other gave kudos to Hill run",
        "Farid Khan gave kudos to Hill run",
    ]


def test_a_blocked_reactor_is_neither_named_nor_counted(
    owner: User, follower: User, make_user: Callable[..., User]
) -> None:
    run = hill_run(owner)
    nasty = make_user("nasty", display_name="Nasty")
    react(activity=run, person=follower, kind=KUDOS)
    react(activity=run, person=nasty, kind=KUDOS)
    Block.objects.create(blocker=owner, blocked=nasty)
    assert notices(owner) == ["Farid Khan gave kudos to Hill run"]


def test_a_notice_whose_reactors_are_all_out_of_sight_is_not_shown(
    owner: User, make_user: Callable[..., User]
) -> None:
    run = hill_run(owner)
    nasty = make_user("nasty", display_name="Nasty")
    react(activity=run, person=nasty, kind=KUDOS)
    Block.objects.create(blocker=owner, blocked=nasty)
    assert Notification.objects.count() == 1 and notices(owner) == []


def test_taking_back_the_newest_falls_back_on_the_one_before_and_the_last_takes_the_notice(
    owner: User, partner: User, follower: User
) -> None:
    run = hill_run(owner)
    react(activity=run, person=follower, kind=KUDOS)
    react(activity=run, person=partner, kind=KUDOS)
    react(activity=run, person=partner, kind=KUDOS)  # taken back
    assert notices(owner) == ["Farid Khan gave kudos to Hill run"]
    react(activity=run, person=follower, kind=KUDOS)
    assert not Notification.objects.exists() and not Reaction.objects.exists()


def test_nobody_is_told_of_their_own_reaction(owner: User) -> None:
    react(activity=hill_run(owner), person=owner, kind=KUDOS)
    assert not Notification.objects.exists()


def test_a_notice_links_to_the_activitys_reactions(owner: User, follower: User) -> None:
    run = hill_run(owner)
    reaction = react(activity=run, person=follower, kind=KUDOS)
    assert reaction is not None
    told = reaction.notice_for(owner)
    assert told is not None and told[1] == f"/activities/{run.pk}/#reactions"
    assert reaction.notice_for(follower) is None


def test_the_notifications_page_shows_the_group_once_with_its_link(
    owner: User, partner: User, follower: User
) -> None:
    run = hill_run(owner)
    react(activity=run, person=follower, kind=KUDOS)
    react(activity=run, person=partner, kind=KUDOS)
    page = browser_of(owner).get(reverse("notifications:index")).content.decode()
    assert page.count("gave kudos to Hill run") == 1
    assert "Priya Nair and 1 other gave kudos to Hill run" in page
    assert f'href="/activities/{run.pk}/#reactions"' in page

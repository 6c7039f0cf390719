"""One reaction per person per activity, of the five: a tap gives it, a tap on another
changes it, a tap on the same takes it back. Only whoever may see the activity may
react; a blocked person and a stranger to a followers' run find nothing to react to."""

from __future__ import annotations

import pytest
from django.urls import reverse

from saathi.accounts.models import User
from saathi.conversations.models import EMOJI, Reaction, ReactionKind
from saathi.conversations.reactions import ReactionRefused, bar_for, react, who_reacted
from tests.conversations.talk import hill_run
from tests.people import browser_of

pytestmark = pytest.mark.django_db


def test_the_five_are_kudos_fire_heart_clap_and_laugh() -> None:
    assert list(EMOJI.values()) == ["👍", "🔥", "❤️", "👏", "😂"]


def test_a_tap_gives_another_changes_and_the_same_takes_back(owner: User, follower: User) -> None:
    run = hill_run(owner)
    react(activity=run, person=follower, kind=ReactionKind.KUDOS)
    react(activity=run, person=follower, kind=ReactionKind.FIRE)
    assert list(Reaction.objects.values_list("kind", flat=True)) == ["fire"]
    bar = bar_for(run, follower)
    assert bar.mine == "fire" and [c.count for c in bar.choices] == [0, 1, 0, 0, 0]
    assert react(activity=run, person=follower, kind=ReactionKind.FIRE) is None
    assert not Reaction.objects.exists()


def test_who_reacted_is_listed_by_reaction(owner: User, partner: User, follower: User) -> None:
    run = hill_run(owner)
    react(activity=run, person=follower, kind=ReactionKind.KUDOS)
    react(activity=run, person=partner, kind=ReactionKind.KUDOS)
    react(activity=run, person=owner, kind=ReactionKind.LAUGH)
    listed = [(emoji, [p.handle for p in people]) for emoji, people in who_reacted(run, owner)]
    assert listed == [("👍", ["follower", "partner"]), ("😂", ["asha"])]


def test_a_blocked_person_and_a_stranger_to_a_followers_run_cannot_react(
    owner: User, blocked: User, stranger: User
) -> None:
    run = hill_run(owner, visibility="followers")
    for person in (blocked, stranger):
        with pytest.raises(ReactionRefused):
            react(activity=run, person=person, kind=ReactionKind.KUDOS)
        answer = browser_of(person).post(
            reverse("conversations:react", args=[run.pk]), {"kind": "kudos"}
        )
        assert answer.status_code == 404
    public = hill_run(owner)
    assert (
        browser_of(blocked)
        .post(reverse("conversations:react", args=[public.pk]), {"kind": "kudos"})
        .status_code
        == 404
    )
    assert not Reaction.objects.exists()


def test_a_kind_not_of_the_five_is_refused_and_nothing_is_saved(
    owner: User, follower: User
) -> None:
    run = hill_run(owner)
    answer = browser_of(follower).post(
        reverse("conversations:react", args=[run.pk]), {"kind": "poop"}
    )
    assert answer.status_code == 400
    assert "Choose one of the five reactions." in answer.content.decode()
    assert not Reaction.objects.exists()

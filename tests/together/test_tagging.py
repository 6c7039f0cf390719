"""Tagging: the owner asks her partners and the people who follow her back; accepting
with no recording of her own gives the tagged person an activity of her own on the same
outing (track, figures, records), accepting with one joins hers; declining is final."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from saathi.accounts.models import User
from saathi.accounts.sharing import Visibility
from saathi.activities.models import Activity
from saathi.notifications.models import Kind, Notification
from saathi.records.models import Record
from saathi.together.models import Membership, Tag, TagState
from saathi.together.tags import TagRefused, accept, decline, own_recordings, tag
from tests.together.recordings import loop_run, mutual, recorded, with_heart_rate
from tests.tracks.outing_cases import DAY, T0

pytestmark = pytest.mark.django_db


def test_the_owner_tags_a_partner_who_is_told(owner: User, partner: User) -> None:
    run = recorded(owner, loop_run())
    asked = tag(activity=run, person=partner, asked_by=owner)
    assert asked.state == TagState.ASKED
    (told,) = Notification.objects.all()
    assert (told.recipient, told.actor, told.kind, told.subject) == (
        partner,
        owner,
        Kind.TAGGED,
        asked,
    )


def test_tagging_twice_asks_once(owner: User, partner: User) -> None:
    run = recorded(owner, loop_run())
    assert tag(activity=run, person=partner, asked_by=owner) == tag(
        activity=run, person=partner, asked_by=owner
    )
    assert Notification.objects.count() == 1


def test_people_who_follow_each_other_may_be_tagged(
    owner: User, make_user: Callable[..., User]
) -> None:
    meera = make_user("meera")
    mutual(owner, meera)
    tag(activity=recorded(owner, loop_run()), person=meera, asked_by=owner)


@pytest.mark.parametrize("kind", ["follower", "awaiting", "stranger", "blocked"])
def test_anyone_else_cannot_be_tagged(
    kind: str, request: pytest.FixtureRequest, owner: User
) -> None:
    with pytest.raises(TagRefused):
        tag(
            activity=recorded(owner, loop_run()),
            person=request.getfixturevalue(kind),
            asked_by=owner,
        )
    assert not Tag.objects.exists()


def test_only_the_owner_tags_her_activity(owner: User, partner: User) -> None:
    with pytest.raises(TagRefused):
        tag(activity=recorded(owner, loop_run()), person=owner, asked_by=partner)


def test_accepting_without_a_recording_gives_her_an_activity_of_her_own(
    owner: User, partner: User
) -> None:
    partner.default_visibility = Visibility.PARTNERS
    partner.save()
    run = recorded(owner, with_heart_rate(loop_run()), title="Hill run with Priya")
    mine = accept(tag=tag(activity=run, person=partner, asked_by=owner))
    assert mine.owner == partner
    assert mine.visibility == Visibility.PARTNERS
    assert mine.title != run.title
    for figure in ("start_time", "distance_m", "moving_s", "elapsed_s", "ascent_m", "sport"):
        assert getattr(mine, figure) == getattr(run, figure)
    # The route as he shows it to others (its ends cut: tests/together/
    # test_a_copy_keeps_out_what_the_owner_hides.py), not his whole recording.
    track, his = mine.streams.load(), run.streams.load()
    assert run.visible_first is not None and run.visible_last is not None
    assert (track.lat == his.lat[run.visible_first : run.visible_last + 1]).all()
    # Her heart is her own: none of his beats, nor the figures made from them.
    assert run.avg_hr and mine.avg_hr is None and not mine.has_hr
    assert not track.has("heart_rate")
    assert Record.objects.filter(owner=partner).exists()
    assert (
        Membership.objects.get(activity=mine).outing == Membership.objects.get(activity=run).outing
    )
    assert Tag.objects.get().made == mine


def test_accepting_with_her_own_recording_joins_it_to_the_outing(
    owner: User, partner: User
) -> None:
    run = recorded(owner, loop_run())
    hers = recorded(partner, loop_run(start=T0 + 60, seed=2))
    recorded(partner, loop_run(start=T0 + DAY, seed=3))  # another day: not offered
    asked = tag(activity=run, person=partner, asked_by=owner)
    assert list(own_recordings(asked)) == [hers]
    assert accept(tag=asked, own=hers) == hers
    assert Activity.objects.filter(owner=partner).count() == 2
    assert (
        Membership.objects.get(activity=hers).outing == Membership.objects.get(activity=run).outing
    )


def test_someone_elses_recording_cannot_be_joined(
    owner: User, partner: User, stranger: User
) -> None:
    run = recorded(owner, loop_run())
    theirs = recorded(stranger, loop_run(start=T0 + 60, seed=2))
    with pytest.raises(TagRefused):
        accept(tag=tag(activity=run, person=partner, asked_by=owner), own=theirs)
    assert not Membership.objects.exists()


def test_a_tag_is_answered_once(owner: User, partner: User) -> None:
    asked = tag(activity=recorded(owner, loop_run()), person=partner, asked_by=owner)
    accept(tag=asked)
    with pytest.raises(TagRefused):
        accept(tag=asked)
    with pytest.raises(TagRefused):
        decline(tag=asked)
    assert Activity.objects.filter(owner=partner).count() == 1


def test_declining_makes_nothing_and_the_owner_cannot_ask_again(owner: User, partner: User) -> None:
    run = recorded(owner, loop_run())
    decline(tag=tag(activity=run, person=partner, asked_by=owner))
    again = tag(activity=run, person=partner, asked_by=owner)
    assert again.state == TagState.DECLINED
    assert Notification.objects.count() == 1
    assert not Activity.objects.filter(owner=partner).exists()
    assert not Membership.objects.exists()

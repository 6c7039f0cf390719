"""After an import, detection suggests the recordings of partners and mutual follows
who were out with her, to both of them, and no one else's."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from saathi.accounts.models import User
from saathi.accounts.sharing import MatchWith, Visibility
from saathi.notifications.models import Kind, Notification
from saathi.people.models import Block, Follow
from saathi.together.detection import find_companions
from saathi.together.models import Suggestion
from tests.together.recordings import loop_run, mutual, recorded
from tests.tracks.outing_cases import DAY, LOOP, RUN, T0, person

pytestmark = pytest.mark.django_db


def run_together(asha: User, other: User) -> tuple:
    hers = recorded(asha, loop_run(seed=1))
    find_companions(hers)
    theirs = recorded(other, loop_run(start=T0 + 20, seed=2, offset_m=(8, 5)))
    return hers, theirs, find_companions(theirs)


def test_partners_out_together_are_suggested_to_both(owner: User, partner: User) -> None:
    hers, theirs, found = run_together(owner, partner)
    assert len(found) == 1
    suggestion = found[0]
    assert (suggestion.first, suggestion.second) == (hers, theirs)
    assert suggestion.share > 0.9
    told = Notification.objects.filter(kind=Kind.OUTING_SUGGESTED)
    assert sorted(told.values_list("recipient__handle", "actor__handle")) == [
        ("asha", "partner"),
        ("partner", "asha"),
    ]
    assert {n.subject for n in told} == {suggestion}


def test_people_who_follow_each_other_are_suggested(
    owner: User, make_user: Callable[..., User]
) -> None:
    meera = make_user("meera")
    mutual(owner, meera)
    assert len(run_together(owner, meera)[2]) == 1


@pytest.mark.parametrize("kind", ["follower", "stranger", "blocked"])
def test_a_one_way_follower_a_stranger_or_a_blocked_person_is_never_suggested(
    kind: str, request: pytest.FixtureRequest, owner: User
) -> None:
    other = request.getfixturevalue(kind)
    assert run_together(owner, other)[2] == []
    assert not Suggestion.objects.exists()


def test_a_block_after_following_each_other_stops_suggestions(
    owner: User, make_user: Callable[..., User]
) -> None:
    meera = make_user("meera")
    mutual(owner, meera)
    Block.objects.create(blocker=meera, blocked=owner)
    assert run_together(owner, meera)[2] == []


@pytest.mark.parametrize(
    ("asha_says", "meera_says", "partners", "suggested"),
    [
        (MatchWith.PARTNERS_AND_MUTUAL, MatchWith.PARTNERS_AND_MUTUAL, False, True),
        (MatchWith.PARTNERS, MatchWith.PARTNERS_AND_MUTUAL, False, False),
        (MatchWith.PARTNERS_AND_MUTUAL, MatchWith.PARTNERS, False, False),
        (MatchWith.PARTNERS, MatchWith.PARTNERS, True, True),
        (MatchWith.NOBODY, MatchWith.PARTNERS_AND_MUTUAL, True, False),
        (MatchWith.PARTNERS_AND_MUTUAL, MatchWith.NOBODY, True, False),
    ],
)
def test_each_side_chooses_who_may_be_matched_with_them(
    owner: User,
    make_user: Callable[..., User],
    asha_says: str,
    meera_says: str,
    partners: bool,
    suggested: bool,
) -> None:
    from saathi.people.models import Partnership

    meera = make_user("meera", match_with=meera_says)
    owner.match_with = asha_says
    owner.save()
    mutual(owner, meera)
    if partners:
        Partnership.objects.create(asker=owner, answerer=meera, accepted=True)
    assert bool(run_together(owner, meera)[2]) is suggested


def test_a_recording_kept_to_oneself_is_never_suggested(owner: User, partner: User) -> None:
    find_companions(recorded(owner, loop_run(seed=1), visibility=Visibility.ONLY_ME))
    theirs = recorded(partner, loop_run(start=T0 + 20, seed=2))
    assert find_companions(theirs) == []


def test_the_same_route_minutes_apart_or_another_day_is_not_suggested(
    owner: User, partner: User
) -> None:
    find_companions(recorded(owner, loop_run(seed=1)))
    later = recorded(partner, person(LOOP, start=T0 + 300, speed=RUN, seed=2))
    next_day = recorded(partner, loop_run(start=T0 + DAY, seed=3))
    assert find_companions(later) == []
    assert find_companions(next_day) == []


def test_a_pair_is_suggested_once_however_often_detection_runs(owner: User, partner: User) -> None:
    hers, theirs, _ = run_together(owner, partner)
    assert find_companions(hers) == []
    assert find_companions(theirs) == []
    assert Suggestion.objects.count() == 1


def test_a_follow_that_was_not_accepted_does_not_count_as_mutual(
    owner: User, make_user: Callable[..., User]
) -> None:
    meera = make_user("meera")
    Follow.objects.create(follower=owner, followed=meera, accepted=True)
    Follow.objects.create(follower=meera, followed=owner, accepted=False)
    assert run_together(owner, meera)[2] == []

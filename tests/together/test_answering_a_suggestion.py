"""A suggestion both accept joins the two activities on one outing; a "no" from either
is kept and the pair never comes back; partners who both let matches join are joined
without being asked."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.notifications.models import Notification
from saathi.people.models import Partnership
from saathi.together.detection import find_companions
from saathi.together.models import Answer, Membership, Outing, Suggestion
from saathi.together.suggestions import NotYours, answer
from tests.together.recordings import loop_run, recorded
from tests.tracks.outing_cases import T0

pytestmark = pytest.mark.django_db


def suggested(owner: User, partner: User) -> Suggestion:
    find_companions(recorded(owner, loop_run(seed=1)))
    (suggestion,) = find_companions(recorded(partner, loop_run(start=T0 + 20, seed=2)))
    return suggestion


def test_when_both_say_yes_the_activities_form_one_outing(owner: User, partner: User) -> None:
    suggestion = suggested(owner, partner)
    answer(suggestion=suggestion, person=owner, yes=True)
    assert not Outing.objects.exists()
    answer(suggestion=suggestion, person=partner, yes=True)
    (outing,) = Outing.objects.all()
    assert set(outing.members.values_list("activity", flat=True)) == {
        suggestion.first_id,
        suggestion.second_id,
    }


def test_a_declined_suggestion_is_kept_and_never_comes_back(owner: User, partner: User) -> None:
    suggestion = suggested(owner, partner)
    answer(suggestion=suggestion, person=partner, yes=False)
    answer(suggestion=suggestion, person=owner, yes=True)
    assert not Outing.objects.exists()
    assert find_companions(suggestion.first) == []
    assert find_companions(suggestion.second) == []
    kept = Suggestion.objects.get()
    assert kept.declined and kept.second_answer == Answer.NO


def test_only_the_two_owners_may_answer(owner: User, partner: User, stranger: User) -> None:
    with pytest.raises(NotYours):
        answer(suggestion=suggested(owner, partner), person=stranger, yes=True)


def test_partners_who_both_let_matches_join_are_joined_without_asking(
    owner: User, partner: User
) -> None:
    Partnership.objects.update(asker_auto_joins=True, answerer_auto_joins=True)
    suggestion = suggested(owner, partner)
    assert suggestion.accepted
    assert Membership.objects.count() == 2
    assert not Notification.objects.exists()


def test_one_partner_letting_matches_join_is_not_enough(owner: User, partner: User) -> None:
    Partnership.objects.update(asker_auto_joins=True)
    suggested(owner, partner)
    assert not Outing.objects.exists()
    assert Notification.objects.count() == 2


def test_a_third_companion_joins_the_outing_the_two_are_on(
    owner: User, partner: User, make_user
) -> None:
    from tests.together.recordings import mutual

    meera = make_user("meera")
    mutual(owner, meera)
    Partnership.objects.update(asker_auto_joins=True, answerer_auto_joins=True)
    suggested(owner, partner)
    (later,) = find_companions(recorded(meera, loop_run(start=T0 + 40, seed=3)))
    answer(suggestion=later, person=owner, yes=True)
    answer(suggestion=later, person=meera, yes=True)
    (outing,) = Outing.objects.all()
    assert outing.members.count() == 3

"""Deleting an account takes that person's tags, suggestions, memberships and their
notifications; the other participants keep their activities and their outing. The
deletion page counts her zones and outings first."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from saathi.accounts.deletion import delete_account
from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.notifications.models import Notification
from saathi.pages.account_deletion import belongings
from saathi.people.zones import add_zone
from saathi.together.detection import find_companions
from saathi.together.models import Footprint, Membership, OutingToken, Suggestion, Tag
from saathi.together.outings import join
from saathi.together.suggestions import answer
from saathi.together.tags import accept, tag
from tests.people import browser_of
from tests.together.recordings import loop_run, mutual, recorded
from tests.tracks.outing_cases import T0

pytestmark = pytest.mark.django_db


def test_her_rows_go_and_the_others_keep_their_activities(
    owner: User, partner: User, make_user: Callable[..., User]
) -> None:
    meera = make_user("meera")
    mutual(owner, meera)
    run = recorded(owner, loop_run())
    find_companions(run)
    (suggestion,) = find_companions(recorded(partner, loop_run(start=T0 + 20, seed=2)))
    answer(suggestion=suggestion, person=owner, yes=True)
    answer(suggestion=suggestion, person=partner, yes=True)
    accept(tag=tag(activity=run, person=meera, asked_by=owner))
    tag(activity=run, person=partner, asked_by=owner)
    assert Membership.objects.count() == 3

    delete_account(user=partner)

    assert not Tag.objects.filter(person__handle="partner").exists()
    assert not Suggestion.objects.exists()
    assert not Notification.objects.filter(recipient__handle="partner").exists()
    assert not Notification.objects.filter(kind="outing_suggested").exists()
    assert not Footprint.objects.exclude(owner__in=[owner, meera]).exists()
    assert OutingToken.objects.filter(activity__owner__handle="partner").count() == 0
    # Asha and Meera are still on their outing, with their activities.
    assert Activity.objects.filter(owner__in=[owner, meera]).count() == 2
    outing = Membership.objects.get(activity=run).outing
    assert set(outing.members.values_list("activity__owner__handle", flat=True)) == {
        "asha",
        "meera",
    }
    assert Tag.objects.filter(person=meera).exists()


def test_deleting_the_tagger_leaves_the_tagged_persons_own_activity(
    owner: User, partner: User
) -> None:
    mine = accept(tag=tag(activity=recorded(owner, loop_run()), person=partner, asked_by=owner))
    delete_account(user=owner)
    assert Activity.objects.filter(pk=mine.pk).exists()
    assert not Tag.objects.exists()
    assert Membership.objects.filter(activity=mine).exists()


def test_the_deletion_page_counts_her_zones_and_outings(owner: User, partner: User) -> None:

    add_zone(owner=owner, lat=34.08, lon=74.80, radius_m=300, label="Home")
    join([recorded(owner, loop_run()), recorded(partner, loop_run(start=T0 + 20, seed=2))])
    counted = belongings(owner)
    assert (counted.zones, counted.outings) == (1, 1)
    html = " ".join(browser_of(owner).get("/settings/delete/").content.decode().split())
    assert "<strong>1</strong> privacy zone" in html and "<strong>1</strong> outing with" in html

"""The pages of tags and suggestions, for each of the seven viewers: only the owner tags
on her activity, only the tagged person answers her tag, only the two owners answer a
suggestion; everyone else is told it is not found, a visitor is sent to log in."""

from __future__ import annotations

import pytest
from django.urls import reverse

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.together.detection import find_companions
from saathi.together.models import Membership, Suggestion, Tag, TagState
from saathi.together.tags import tag
from tests.people import browser_of
from tests.together.recordings import loop_run, recorded
from tests.tracks.outing_cases import T0

pytestmark = pytest.mark.django_db

VIEWERS = ["owner", "partner", "follower", "awaiting", "stranger", "blocked", "anonymous"]


def status_for(viewer: str, allowed: str, ok: int) -> int:
    return ok if viewer == allowed else 302 if viewer == "anonymous" else 404


@pytest.fixture
def asked(owner: User, partner: User) -> Tag:
    return tag(activity=recorded(owner, loop_run()), person=partner, asked_by=owner)


@pytest.mark.parametrize("viewer", VIEWERS)
def test_the_tag_people_page_is_the_owners(
    request: pytest.FixtureRequest, asked: Tag, viewer: str
) -> None:
    browser = browser_of(request.getfixturevalue(viewer))
    url = reverse("together:tag_people", args=[asked.activity_id])
    assert browser.get(url).status_code == status_for(viewer, "owner", 200)


@pytest.mark.parametrize("viewer", VIEWERS)
def test_a_tag_is_seen_and_answered_by_the_tagged_person_only(
    request: pytest.FixtureRequest, asked: Tag, viewer: str
) -> None:
    browser = browser_of(request.getfixturevalue(viewer))
    assert browser.get(reverse("together:tag", args=[asked.pk])).status_code == status_for(
        viewer, "partner", 200
    )
    decline = browser.post(reverse("together:decline_tag", args=[asked.pk]))
    assert decline.status_code == status_for(viewer, "partner", 302)
    accept = browser.post(reverse("together:accept_tag", args=[asked.pk]))
    assert accept.status_code == status_for(viewer, "partner", 302)
    assert Tag.objects.get().state == (TagState.DECLINED if viewer == "partner" else TagState.ASKED)


def test_the_owner_tags_her_partner_from_the_page(owner: User, partner: User) -> None:
    run = recorded(owner, loop_run())
    browser = browser_of(owner)
    url = reverse("together:tag_people", args=[run.pk])
    assert "Priya Nair" in browser.get(url).content.decode()
    assert browser.post(url, {"handle": "partner"}).status_code == 302
    assert Tag.objects.filter(activity=run, person=partner).exists()


def test_she_cannot_tag_a_stranger_from_the_page(owner: User, stranger: User) -> None:
    run = recorded(owner, loop_run())
    browser_of(owner).post(reverse("together:tag_people", args=[run.pk]), {"handle": "vikram"})
    assert not Tag.objects.exists()


def test_accepting_from_the_page_opens_her_new_activity(asked: Tag, partner: User) -> None:
    response = browser_of(partner).post(reverse("together:accept_tag", args=[asked.pk]))
    mine = Activity.objects.get(owner=partner)
    assert response["Location"] == reverse("activities:detail", args=[mine.pk])
    assert Membership.objects.count() == 2


def test_her_own_recording_is_offered_and_joined(asked: Tag, partner: User) -> None:
    hers = recorded(partner, loop_run(start=T0 + 30, seed=4))
    browser = browser_of(partner)
    assert hers.title in browser.get(reverse("together:tag", args=[asked.pk])).content.decode()
    browser.post(reverse("together:accept_tag", args=[asked.pk]), {"own": hers.pk})
    assert Activity.objects.filter(owner=partner).count() == 1
    assert Membership.objects.filter(activity=hers).exists()


def test_the_tag_page_names_no_activity_she_may_not_see(owner: User, partner: User) -> None:
    run = recorded(owner, loop_run(), visibility="only_me", title="Secret hill")
    asked = tag(activity=run, person=partner, asked_by=owner)
    html = browser_of(partner).get(reverse("together:tag", args=[asked.pk])).content.decode()
    assert "Asha Rao" in html and "Secret hill" not in html


@pytest.fixture
def suggestion(owner: User, partner: User) -> Suggestion:
    find_companions(recorded(owner, loop_run()))
    (found,) = find_companions(recorded(partner, loop_run(start=T0 + 20, seed=2)))
    return found


@pytest.mark.parametrize("viewer", VIEWERS)
def test_a_suggestion_is_for_its_two_owners(
    request: pytest.FixtureRequest, suggestion: Suggestion, viewer: str
) -> None:
    browser = browser_of(request.getfixturevalue(viewer))
    expected = 200 if viewer in {"owner", "partner"} else status_for(viewer, "-", 200)
    assert browser.get(reverse("together:suggestion", args=[suggestion.pk])).status_code == expected
    answered = browser.post(
        reverse("together:answer_suggestion", args=[suggestion.pk]), {"yes": "1"}
    )
    assert answered.status_code == (302 if viewer in {"owner", "partner"} else expected)


def test_both_saying_yes_on_the_page_makes_one_outing(
    suggestion: Suggestion, owner: User, partner: User
) -> None:
    url = reverse("together:answer_suggestion", args=[suggestion.pk])
    browser_of(owner).post(url, {"yes": "1"})
    browser_of(partner).post(url, {"yes": "1"})
    assert Membership.objects.count() == 2
    html = browser_of(owner).get(reverse("together:suggestion", args=[suggestion.pk])).content
    assert b"one outing now" in html
    assert b"Were you with Priya Nair?" in html

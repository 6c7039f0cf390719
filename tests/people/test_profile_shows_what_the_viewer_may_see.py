"""A profile is built from what its viewer may see: the activities, the year's totals and
the records open to her, and never the private figures of someone else."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from saathi.accounts.models import User
from saathi.activities.models import Visibility
from tests.people import browser_of
from tests.people.activities import one_at_each_level

pytestmark = pytest.mark.django_db

ONLY_ME, PARTNERS, FOLLOWERS, PUBLIC = Visibility.values
SEES = {
    "owner": {ONLY_ME, PARTNERS, FOLLOWERS, PUBLIC},
    "partner": {PARTNERS, FOLLOWERS, PUBLIC},
    "follower": {FOLLOWERS, PUBLIC},
    "awaiting": {PUBLIC},
    "stranger": {PUBLIC},
}
# What the owner fixture set, as each would appear on the page.
PRIVATE_TEXT = ("1988", "Female", "48 bpm", "187 bpm", "asha@example.org", "Only you see this")


def _page(viewer: User | AnonymousUser) -> str:
    response = browser_of(viewer).get("/people/asha/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("viewer", SEES)
def test_each_viewer_sees_the_activities_open_to_them(
    request: pytest.FixtureRequest, owner: User, viewer: str
) -> None:
    one_at_each_level(owner)
    html = _page(request.getfixturevalue(viewer))
    for level in Visibility.values:
        assert (f"Run for {level}" in html) == (level in SEES[viewer]), level


@pytest.mark.parametrize("viewer", SEES)
def test_the_years_totals_count_only_what_the_viewer_sees(
    request: pytest.FixtureRequest, owner: User, viewer: str
) -> None:
    one_at_each_level(owner, distance_m=10_000)
    html = _page(request.getfixturevalue(viewer))
    assert f"{10 * len(SEES[viewer])}.00" in html.split("so far</h2>", 1)[1].split("</section>")[0]


def test_the_owner_sees_her_private_fields(owner: User) -> None:
    html = _page(owner)
    for text in PRIVATE_TEXT:
        assert text in html, text


@pytest.mark.parametrize("viewer", ["partner", "follower", "stranger"])
def test_nobody_else_sees_them(request: pytest.FixtureRequest, owner: User, viewer: str) -> None:
    html = _page(request.getfixturevalue(viewer))
    assert "Asha Rao" in html
    assert ">AR<" in html  # initials stand in for the missing photo
    for text in PRIVATE_TEXT:
        assert text not in html, text


def test_bio_home_region_and_counts_are_shown(
    owner: User, partner: User, follower: User, awaiting: User, stranger: User
) -> None:
    owner.bio = "Hill runs before work."
    owner.home_region = "Srinagar"
    owner.save()
    html = _page(stranger)
    assert "Hill runs before work." in html
    assert "Srinagar" in html
    assert "<strong>1</strong> follower<" in html  # the request waiting is not counted
    assert "<strong>0</strong> following" in html


def test_a_public_profile_shows_a_visitor_the_public_activities_only(
    owner: User, client: Client
) -> None:
    owner.public_profile = True
    owner.save()
    one_at_each_level(owner)
    html = client.get("/people/asha/").content.decode()
    assert "Run for public" in html
    assert "Run for followers" not in html
    for text in PRIVATE_TEXT:
        assert text not in html, text


def test_records_of_activities_the_viewer_may_not_see_are_left_out(
    owner: User, stranger: User, follower: User
) -> None:
    from saathi.activities.manual import create_manual_activity

    start = owner.local_now().replace(tzinfo=None, hour=0, minute=0, second=1)
    create_manual_activity(
        owner=owner,
        sport="ride",
        start=start,
        duration_s=7200,
        distance_m=65_000,
        visibility=Visibility.FOLLOWERS,
    )
    assert "65.0 km" in _page(follower)
    assert "65.0 km" not in _page(stranger)

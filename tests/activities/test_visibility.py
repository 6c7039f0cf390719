"""Activity.objects.visible_to and map_visible_to: the one privacy rule every page uses.

Asha has one activity at each level; who sees which is the table below, read across.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from saathi.accounts.models import User
from saathi.activities.manual import create_manual_activity
from saathi.activities.models import Activity, Visibility

ONLY_ME, PARTNERS, FOLLOWERS, PUBLIC = Visibility.values

# viewer -> the levels of Asha's activities they see
SEES = {
    "owner": {ONLY_ME, PARTNERS, FOLLOWERS, PUBLIC},
    "partner": {PARTNERS, FOLLOWERS, PUBLIC},
    "follower": {FOLLOWERS, PUBLIC},
    "awaiting": {PUBLIC},
    "stranger": {PUBLIC},
    "blocked": set(),
    "anonymous": set(),
}


@pytest.fixture
def four_of_hers(owner: User) -> dict[str, Activity]:
    return {
        level: create_manual_activity(
            owner=owner,
            sport="yoga",
            start=datetime(2026, 5, 1, 6, 30),
            duration_s=420,
            visibility=level,
            map_visibility=level,
        )
        for level in Visibility.values
    }


@pytest.mark.parametrize("viewer", SEES)
def test_each_viewer_sees_the_levels_open_to_them(
    viewer: str, four_of_hers: dict[str, Activity], request: pytest.FixtureRequest
) -> None:
    someone = request.getfixturevalue(viewer)
    seen = {a.visibility for a in Activity.objects.visible_to(someone)}
    assert seen == SEES[viewer]
    assert {a.visibility for a in Activity.objects.map_visible_to(someone)} == SEES[viewer]


def test_anonymous_visitors_see_public_activities_only_of_a_public_profile(
    owner: User, anonymous: AnonymousUser, four_of_hers: dict[str, Activity]
) -> None:
    owner.public_profile = True
    owner.save()
    assert list(Activity.objects.visible_to(anonymous)) == [four_of_hers[PUBLIC]]
    assert not Activity.objects.visible_to(None).exclude(visibility=PUBLIC).exists()


def test_a_block_hides_both_ways(owner: User, blocked: User) -> None:
    hers = create_manual_activity(
        owner=owner,
        sport="run",
        start=datetime(2026, 5, 2, 7),
        duration_s=1800,
        visibility=PUBLIC,
    )
    theirs = create_manual_activity(
        owner=blocked,
        sport="run",
        start=datetime(2026, 5, 2, 7),
        duration_s=1800,
        visibility=PUBLIC,
    )
    assert hers not in Activity.objects.visible_to(blocked)
    assert theirs not in Activity.objects.visible_to(owner)


def test_a_map_is_never_wider_than_its_activity(owner: User, stranger: User) -> None:
    activity = create_manual_activity(
        owner=owner,
        sport="run",
        start=datetime(2026, 5, 2, 7),
        duration_s=1800,
        visibility=FOLLOWERS,
        map_visibility=PUBLIC,
    )
    assert activity.map_visibility == FOLLOWERS
    # Even a row written around the workflows cannot open the map wider.
    Activity.objects.filter(pk=activity.pk).update(map_visibility=PUBLIC)
    assert not Activity.objects.map_visible_to(stranger).exists()


def test_followers_may_see_an_activity_but_not_its_map(owner: User, follower: User) -> None:
    activity = create_manual_activity(
        owner=owner,
        sport="run",
        start=datetime(2026, 5, 2, 7),
        duration_s=1800,
        visibility=FOLLOWERS,
        map_visibility=ONLY_ME,
    )
    assert activity in Activity.objects.visible_to(follower)
    assert activity not in Activity.objects.map_visible_to(follower)


def test_new_activities_take_the_owners_defaults(owner: User) -> None:
    owner.default_visibility, owner.default_map_visibility = PUBLIC, PARTNERS
    owner.save()
    activity = create_manual_activity(
        owner=owner, sport="run", start=datetime(2026, 5, 2, 7), duration_s=1800
    )
    assert (activity.visibility, activity.map_visibility) == (PUBLIC, PARTNERS)

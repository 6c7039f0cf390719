"""Activity.objects.visible_to: the one privacy rule every page, feed and export uses."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from saathi.accounts.models import User
from saathi.activities.manual import create_manual_activity
from saathi.activities.models import Activity, Visibility


@pytest.fixture
def three_of_hers(owner: User) -> dict[str, Activity]:
    return {
        visibility: create_manual_activity(
            owner=owner,
            sport="yoga",
            start=datetime(2026, 5, 1, 6, 30),
            duration_s=420,
            visibility=visibility,
        )
        for visibility in Visibility.values
    }


def test_the_owner_sees_every_one_of_her_activities(
    owner: User, three_of_hers: dict[str, Activity]
) -> None:
    assert set(Activity.objects.visible_to(owner)) == set(three_of_hers.values())
    assert set(Activity.objects.owned_by(owner)) == set(three_of_hers.values())


def test_someone_else_sees_only_her_public_activity(
    stranger: User, three_of_hers: dict[str, Activity]
) -> None:
    assert list(Activity.objects.visible_to(stranger)) == [three_of_hers[Visibility.PUBLIC]]
    assert not Activity.objects.owned_by(stranger).exists()


@pytest.mark.parametrize("someone", ["stranger", "follower", "partner"])
def test_followers_only_is_private_until_follows_exist(
    someone: str, three_of_hers: dict[str, Activity], request: pytest.FixtureRequest
) -> None:
    # The follower and the partner are not linked to her yet (tests/people.py).
    viewer = request.getfixturevalue(someone)
    followers_only = three_of_hers[Visibility.FOLLOWERS]
    assert not Activity.objects.visible_to(viewer).filter(pk=followers_only.pk).exists()
    assert list(Activity.objects.visible_to(viewer)) == [three_of_hers[Visibility.PUBLIC]]


def test_an_anonymous_visitor_sees_nothing(
    anonymous: AnonymousUser, three_of_hers: dict[str, Activity]
) -> None:
    assert not Activity.objects.visible_to(anonymous).exists()
    assert not Activity.objects.visible_to(None).exists()

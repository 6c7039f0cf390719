"""Who follows a person and whom they follow: open to whoever may see the profile,
accepted follows only, and nobody a block parts the viewer from."""

from __future__ import annotations

import pytest
from django.test import Client

from saathi.accounts.models import User
from saathi.people.models import Block, Follow
from tests.people import browser_of

pytestmark = pytest.mark.django_db


def test_the_followers_are_listed_without_the_requests_waiting(
    owner: User, follower: User, awaiting: User, stranger: User
) -> None:
    html = browser_of(stranger).get("/people/asha/followers/").content.decode()
    assert "Farid Khan" in html
    assert "Kiran Das" not in html


def test_following_lists_whom_she_follows(owner: User, stranger: User, follower: User) -> None:
    Follow.objects.create(follower=owner, followed=stranger, accepted=True)
    html = browser_of(follower).get("/people/asha/following/").content.decode()
    html = html.split("<main", 1)[1]  # the header names the viewer
    assert "Vikram Singh" in html
    assert "Farid Khan" not in html


def test_someone_the_viewer_blocked_is_not_in_the_list(
    owner: User, follower: User, stranger: User
) -> None:
    Block.objects.create(blocker=stranger, blocked=follower)
    html = browser_of(stranger).get("/people/asha/followers/").content.decode()
    assert "Farid Khan" not in html


def test_the_lists_are_not_found_where_the_profile_is_not(
    owner: User, blocked: User, client: Client
) -> None:
    for which in ("followers", "following"):
        assert browser_of(blocked).get(f"/people/asha/{which}/").status_code == 404
        assert client.get(f"/people/asha/{which}/").status_code == 404
    owner.public_profile = True
    owner.save()
    assert client.get("/people/asha/followers/").status_code == 200


def test_each_person_listed_shows_what_they_are_to_the_viewer(
    owner: User, follower: User, partner: User
) -> None:
    Follow.objects.create(follower=owner, followed=follower, accepted=True)
    html = browser_of(owner).get("/people/asha/followers/").content.decode()
    assert "you follow · follows you" in html

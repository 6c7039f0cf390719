"""A profile is not found (404, no hint why) across a block, either way, and for visitors
who are not signed in unless its owner made it public."""

from __future__ import annotations

import pytest
from django.test import Client

from saathi.accounts.models import User
from tests.people import browser_of

pytestmark = pytest.mark.django_db


def test_the_blocked_person_does_not_find_the_blocker(owner: User, blocked: User) -> None:
    assert browser_of(blocked).get("/people/asha/").status_code == 404


def test_the_blocker_does_not_find_the_blocked_person(owner: User, blocked: User) -> None:
    assert browser_of(owner).get("/people/blocked/").status_code == 404
    assert browser_of(owner).get("/people/blocked/followers/").status_code == 404


def test_a_visitor_finds_no_profile_that_is_not_public(owner: User, client: Client) -> None:
    assert client.get("/people/asha/").status_code == 404
    owner.public_profile = True
    owner.save()
    assert client.get("/people/asha/").status_code == 200


def test_an_unknown_or_deactivated_handle_is_not_found(owner: User, stranger: User) -> None:
    browser = browser_of(stranger)
    assert browser.get("/people/nobody_here/").status_code == 404
    owner.is_active = False
    owner.save()
    assert browser.get("/people/asha/").status_code == 404


def test_a_handle_typed_with_capitals_redirects_to_the_real_address(
    owner: User, stranger: User
) -> None:
    response = browser_of(stranger).get("/people/Asha/")
    assert response.status_code == 301
    assert response["Location"] == "/people/asha/"


def test_the_old_address_redirects_to_the_new_one(owner: User, stranger: User) -> None:
    response = browser_of(stranger).get("/u/Asha/")
    assert response.status_code == 301
    assert response["Location"] == "/people/asha/"

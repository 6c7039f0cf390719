"""A profile shows name, photo and handle to everyone signed in; the rest only to its owner."""

from __future__ import annotations

import pytest
from django.test import Client

from saathi.accounts.models import User

pytestmark = pytest.mark.django_db

# What the owner fixture set, as each would appear on the page.
PRIVATE_TEXT = ("1988", "Female", "48 bpm", "187 bpm", "Asia/Kolkata", "Only you see this")


def test_a_logged_out_visitor_is_sent_to_log_in(client: Client, owner: User) -> None:
    response = client.get("/u/asha/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/u/asha/"


def test_the_owner_sees_their_private_fields(owner_client: Client) -> None:
    html = owner_client.get("/u/asha/").content.decode()
    assert "Asha Rao" in html
    assert "@asha" in html
    for text in PRIVATE_TEXT:
        assert text in html, text


def test_another_person_sees_the_public_fields_only(stranger_client: Client, owner: User) -> None:
    response = stranger_client.get("/u/asha/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Asha Rao" in html
    assert "@asha" in html
    assert ">AR<" in html  # initials stand in for the missing photo
    for text in PRIVATE_TEXT:
        assert text not in html, text
    assert "/settings/" not in html.split("<main", 1)[1]


def test_an_unknown_handle_is_not_found(owner_client: Client) -> None:
    assert owner_client.get("/u/nobody_here/").status_code == 404


def test_a_deactivated_account_has_no_profile(stranger_client: Client, owner: User) -> None:
    owner.is_active = False
    owner.save()
    assert stranger_client.get("/u/asha/").status_code == 404


def test_a_handle_typed_with_capitals_redirects_to_the_real_address(
    stranger_client: Client, owner: User
) -> None:
    response = stranger_client.get("/u/Asha/")
    assert response.status_code == 301
    assert response["Location"] == "/u/asha/"

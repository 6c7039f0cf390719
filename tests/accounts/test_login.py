"""Log in with a handle or an email address; log out with a POST."""

from __future__ import annotations

import pytest
from django.test import Client

from saathi.accounts.models import User
from tests.people import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_form_labels_its_inputs_as_the_browser_test_expects(client: Client) -> None:
    html = client.get("/accounts/login/").content.decode()
    assert ">Handle or email" in html
    assert ">Password" in html


@pytest.mark.parametrize("typed", ["asha", "ASHA", "@asha", "asha@example.org", "Asha@Example.org"])
def test_you_can_log_in_with_your_handle_or_your_email(
    client: Client, owner: User, typed: str
) -> None:
    response = client.post("/accounts/login/", {"username": typed, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.session["_auth_user_id"] == str(owner.pk)


def test_a_wrong_password_says_so_without_saying_which_part_was_wrong(
    client: Client, owner: User
) -> None:
    response = client.post("/accounts/login/", {"username": "asha", "password": "nope"})
    assert response.status_code == 200
    assert "do not match an account" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logging_in_returns_you_to_the_page_you_asked_for(client: Client, owner: User) -> None:
    response = client.post(
        "/accounts/login/?next=/settings/", {"username": "asha", "password": PASSWORD}
    )
    assert response["Location"] == "/settings/"


def test_log_out_needs_a_post(owner_client: Client) -> None:
    assert owner_client.get("/accounts/logout/").status_code == 405
    response = owner_client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert "_auth_user_id" not in owner_client.session


def test_an_inactive_account_cannot_log_in(client: Client, owner: User) -> None:
    owner.is_active = False
    owner.save()
    response = client.post("/accounts/login/", {"username": "asha", "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_a_next_address_on_another_site_is_ignored(client: Client, owner: User) -> None:
    response = client.post(
        "/accounts/login/?next=https://evil.example/",
        {"username": "asha", "password": PASSWORD},
    )
    assert response["Location"] == "/"

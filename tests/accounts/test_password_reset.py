"""Forgotten passwords are reset through a one-time link sent by email."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from pytest_django.fixtures import Settings

from saathi.accounts.models import User
from tests.people import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "monsoon over the ghats"


def reset_link(client: Client, email: str) -> str:
    response = client.post("/accounts/password/reset/", {"email": email})
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1
    match = re.search(r"https?://[^/\s]+(/accounts/password/reset/\S+/)", mail.outbox[0].body)
    assert match, mail.outbox[0].body
    return match.group(1)


def test_the_email_names_the_account_and_carries_a_link(client: Client, owner: User) -> None:
    reset_link(client, "asha@example.org")
    message = mail.outbox[0]
    assert message.to == ["asha@example.org"]
    assert message.subject == "Choose a new Saathi password"
    assert "@asha" in message.body


def test_the_link_sets_a_new_password_you_can_log_in_with(client: Client, owner: User) -> None:
    link = reset_link(client, "ASHA@example.org")
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done["Location"] == "/accounts/password/reset/complete/"
    owner.refresh_from_db()
    assert owner.check_password(NEW_PASSWORD)
    login = client.post("/accounts/login/", {"username": "asha", "password": NEW_PASSWORD})
    assert login.status_code == 302


def test_the_link_works_only_once(client: Client, owner: User) -> None:
    link = reset_link(client, "asha@example.org")
    set_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    again = client.get(link, follow=True)
    assert "This link no longer works" in again.content.decode()


def test_an_unknown_address_looks_the_same_and_sends_nothing(client: Client) -> None:
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert mail.outbox == []


def test_reset_emails_stop_after_the_limit_so_no_inbox_is_flooded(
    client: Client, owner: User, settings: Settings
) -> None:
    settings.SAATHI_LOGIN_ATTEMPTS = 2
    settings.SAATHI_LOGIN_WINDOW_S = 900
    for _ in range(2):
        client.post(
            "/accounts/password/reset/", {"email": "asha@example.org"}, REMOTE_ADDR="10.1.1.1"
        )
    # From another address too: the limit is per recipient as well as per sender.
    response = client.post(
        "/accounts/password/reset/", {"email": "asha@example.org"}, REMOTE_ADDR="10.2.2.2"
    )
    assert response.status_code == 429
    assert "Too many requests; try again in 15 minutes." in response.content.decode()
    assert len(mail.outbox) == 2


def test_changing_your_password_needs_the_old_one(owner_client: Client, owner: User) -> None:
    wrong = owner_client.post(
        "/accounts/password/change/",
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert wrong.status_code == 200
    assert "Your old password was entered incorrectly" in wrong.content.decode()
    right = owner_client.post(
        "/accounts/password/change/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert right["Location"] == "/accounts/password/change/done/"
    owner.refresh_from_db()
    assert owner.check_password(NEW_PASSWORD)
    # The session that changed it stays signed in.
    assert owner_client.get("/").status_code == 200


def test_a_logged_out_visitor_cannot_reach_password_change(client: Client) -> None:
    response = client.get("/accounts/password/change/")
    assert response["Location"] == "/accounts/login/?next=/accounts/password/change/"

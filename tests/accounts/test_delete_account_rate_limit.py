"""Wrong passwords on the delete page count as failed logins: past the limit even the
right password deletes nothing, and the guesses lock the login form too."""

from __future__ import annotations

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from saathi.accounts.models import User
from tests.people import PASSWORD

pytestmark = pytest.mark.django_db

LIMIT = 3
URL = "/settings/delete/"


@pytest.fixture(autouse=True)
def _a_small_limit(settings: Settings) -> None:
    settings.SAATHI_LOGIN_ATTEMPTS = LIMIT
    settings.SAATHI_LOGIN_WINDOW_S = 600


def test_after_the_allowed_guesses_even_the_right_password_deletes_nothing(
    owner: User, owner_client: Client
) -> None:
    for _ in range(LIMIT):
        assert owner_client.post(URL, {"password": "guess"}).status_code == 200

    response = owner_client.post(URL, {"password": PASSWORD})

    assert response.status_code == 429
    assert "Too many failed attempts; try again in 10 minutes." in response.content.decode()
    assert User.objects.filter(pk=owner.pk).exists()


def test_the_guesses_count_toward_the_login_limit(
    owner: User, owner_client: Client, client: Client
) -> None:
    for _ in range(LIMIT):
        owner_client.post(URL, {"password": "guess"}, REMOTE_ADDR="10.0.0.9")

    login = Client().post(
        "/accounts/login/", {"username": "asha", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1"
    )

    assert login.status_code == 429


def test_failed_logins_lock_the_delete_page_too(owner: User, owner_client: Client) -> None:
    for _ in range(LIMIT):
        Client().post("/accounts/login/", {"username": "asha", "password": "guess"})

    response = owner_client.post(URL, {"password": PASSWORD})

    assert response.status_code == 429
    assert User.objects.filter(pk=owner.pk).exists()


def test_guesses_below_the_limit_leave_the_right_password_working(
    owner: User, owner_client: Client
) -> None:
    for _ in range(LIMIT - 1):
        owner_client.post(URL, {"password": "guess"})

    response = owner_client.post(URL, {"password": PASSWORD})

    assert response.status_code == 302
    assert not User.objects.filter(pk=owner.pk).exists()

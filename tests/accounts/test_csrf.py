"""Every form needs its CSRF token; a page's own token lets it through."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from saathi.accounts.models import User
from tests.people import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def strict_client() -> Client:
    return Client(enforce_csrf_checks=True)


def token_from(client: Client, url: str) -> str:
    html = client.get(url).content.decode()
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match
    return match.group(1)


def test_logging_in_without_the_token_is_forbidden(strict_client: Client, owner: User) -> None:
    response = strict_client.post("/accounts/login/", {"username": "asha", "password": PASSWORD})
    assert response.status_code == 403
    assert "_auth_user_id" not in strict_client.session


def test_logging_in_with_the_pages_token_works(strict_client: Client, owner: User) -> None:
    token = token_from(strict_client, "/accounts/login/")
    response = strict_client.post(
        "/accounts/login/",
        {"username": "asha", "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/settings/", {"display_name": "Forged", "email": "asha@example.org"}),
        ("/accounts/logout/", {}),
        ("/accounts/password/change/", {"old_password": PASSWORD}),
    ],
)
def test_a_signed_in_form_without_the_token_is_forbidden(
    strict_client: Client, owner: User, url: str, data: dict[str, str]
) -> None:
    strict_client.force_login(owner)
    assert strict_client.post(url, data).status_code == 403
    owner.refresh_from_db()
    assert owner.display_name == "Asha Rao"


def test_signing_up_without_the_token_is_forbidden(strict_client: Client) -> None:
    response = strict_client.post(
        "/accounts/signup/",
        {"handle": "newbie", "email": "n@example.org", "password1": "x", "password2": "x"},
    )
    assert response.status_code == 403
    assert not User.objects.filter(handle="newbie").exists()


def test_htmx_requests_pass_with_the_header_from_the_body(
    strict_client: Client, owner: User
) -> None:
    strict_client.force_login(owner)
    html = strict_client.get("/settings/").content.decode()
    token = re.search(r'"X-CSRFToken": "([^"]+)"', html)
    assert token
    response = strict_client.post(
        "/accounts/logout/", HTTP_X_CSRFTOKEN=token.group(1), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 302

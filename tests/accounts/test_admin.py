"""The admin lists and edits users; its login goes through the rate-limited form."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client

from saathi.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_for_handles(client: Client) -> Client:
    admin = User.objects.create_superuser("chief", "chief@example.org", "a long enough password")
    client.force_login(admin)
    return client


def test_the_admin_lists_searches_and_opens_users(
    admin_client_for_handles: Client, owner: User
) -> None:
    listing = admin_client_for_handles.get("/admin/accounts/user/?q=asha")
    assert listing.status_code == 200
    assert "Asha Rao" in listing.content.decode()
    page = admin_client_for_handles.get(f"/admin/accounts/user/{owner.pk}/change/")
    assert page.status_code == 200
    assert admin_client_for_handles.get("/admin/accounts/user/add/").status_code == 200


def test_the_admin_can_add_a_user(admin_client_for_handles: Client) -> None:
    response = admin_client_for_handles.post(
        "/admin/accounts/user/add/",
        {
            "handle": "new_rider",
            "email": "rider@example.org",
            "usable_password": "true",
            "password1": "pedal through the valley",
            "password2": "pedal through the valley",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert User.objects.get(handle="new_rider").check_password("pedal through the valley")


def test_a_signed_in_stranger_is_refused_by_the_admin_without_a_loop(
    stranger_client: Client,
) -> None:
    response = stranger_client.get("/admin/accounts/user/", follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) == 1


def test_the_admin_login_is_the_rate_limited_one(client: Client) -> None:
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/"


def test_createsuperuser_asks_for_a_handle_and_an_email(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a long enough password")
    call_command("createsuperuser", interactive=False, handle="chief", email="chief@example.org")
    chief = User.objects.get(handle="chief")
    assert chief.is_superuser and chief.is_staff
    assert chief.check_password("a long enough password")

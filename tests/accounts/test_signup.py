"""Sign up: a new person picks a handle, lands on their dashboard already logged in."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from saathi.accounts.models import User

pytestmark = pytest.mark.django_db


def sign_up(client: Client, **overrides: str) -> object:
    data = {
        "handle": "meera",
        "email": "meera@example.org",
        "display_name": "Meera Iyer",
        "password1": "saffron hills at dawn",
        "password2": "saffron hills at dawn",
        **overrides,
    }
    return client.post("/accounts/signup/", data, follow=True)


def test_the_form_labels_every_input_as_the_browser_test_expects(client: Client) -> None:
    html = client.get("/accounts/signup/").content.decode()
    for label in ("Handle", "Email", "Display name", "Password", "Password (again)"):
        assert f">{label}" in html


def test_signing_up_logs_you_in_and_shows_the_dashboard(client: Client) -> None:
    response = sign_up(client)
    assert response.redirect_chain == [("/", 302)]
    assert response.context["user"].handle == "meera"
    assert "This week" in response.content.decode()


def test_the_password_is_stored_as_an_argon2_hash(client: Client) -> None:
    sign_up(client)
    user = User.objects.get(handle="meera")
    assert user.password.startswith("argon2$")
    assert user.check_password("saffron hills at dawn")


def test_a_handle_typed_with_capitals_is_stored_in_lowercase(client: Client) -> None:
    sign_up(client, handle="Meera_Iyer")
    assert User.objects.filter(handle="meera_iyer").exists()


def test_a_taken_handle_is_refused_whatever_its_case(
    client: Client, make_user: Callable[..., User]
) -> None:
    make_user("meera", email="first@example.org")
    response = sign_up(client, handle="MEERA")
    assert response.status_code == 200
    assert "That handle is taken." in response.content.decode()
    assert User.objects.count() == 1


def test_an_email_already_in_use_is_refused_whatever_its_case(
    client: Client, make_user: Callable[..., User]
) -> None:
    make_user("first", email="meera@example.org")
    response = sign_up(client, email="MEERA@Example.org")
    assert "An account with that email address already exists." in response.content.decode()
    assert User.objects.count() == 1


def test_two_different_passwords_are_refused(client: Client) -> None:
    response = sign_up(client, password2="something else entirely")
    assert "The two passwords differ" in response.content.decode()
    assert not User.objects.exists()


def test_a_weak_password_is_refused(client: Client) -> None:
    response = sign_up(client, password1="12345678", password2="12345678")
    assert "too common" in response.content.decode()
    assert not User.objects.exists()


def test_someone_logged_in_is_sent_to_the_dashboard_instead(client: Client, owner: User) -> None:
    client.force_login(owner)
    response = client.get("/accounts/signup/")
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("asha", "That handle is taken."),
        ("ASHA", "That handle is taken."),
        ("new_rider", "@new_rider is free."),
        ("no way", "3 to 30 characters"),
        ("admin", "reserved"),
    ],
)
def test_while_typing_a_handle_you_are_told_whether_it_is_free(
    client: Client, owner: User, typed: str, says: str
) -> None:
    response = client.get("/accounts/signup/", {"handle": typed}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert says in html
    assert "<html" not in html  # only the status line, for htmx to put under the field


def test_the_handle_input_asks_htmx_for_that_status(client: Client) -> None:
    html = client.get("/accounts/signup/").content.decode()
    assert 'hx-get="/accounts/signup/"' in html
    assert 'hx-target="#handle-status"' in html
    assert 'id="handle-status"' in html

"""A suspended account cannot sign in, and is told why once the password is right; its
open sessions end at once. Lifting the suspension lets it in again."""

from __future__ import annotations

import pytest
from django.test import Client

from saathi.accounts.models import User
from tests import people
from tests.moderation import decide_in_admin, reported, staff_browser

pytestmark = pytest.mark.django_db

SUSPENDED = "This account is suspended by the site&#x27;s staff"


def sign_in(password: str = people.PASSWORD) -> tuple[int, str]:
    response = Client().post("/accounts/login/", {"username": "asha", "password": password})
    return response.status_code, response.content.decode()


def test_the_right_password_is_told_of_the_suspension(owner: User, stranger: User) -> None:
    decide_in_admin(staff_browser(), "suspended", reported(owner, by=stranger))
    status, page = sign_in()
    assert status == 200 and SUSPENDED in page
    status, page = sign_in("a wrong guess")
    assert SUSPENDED not in page and "do not match an account" in page


def test_her_open_session_ends(owner: User, owner_client: Client, stranger: User) -> None:
    assert owner_client.get("/settings/").status_code == 200
    decide_in_admin(staff_browser(), "suspended", reported(owner, by=stranger))
    assert owner_client.get("/settings/")["Location"].startswith("/accounts/login/")


def test_lifting_it_lets_her_in(owner: User, stranger: User) -> None:
    staff = staff_browser()
    report = reported(owner, by=stranger)
    decide_in_admin(staff, "suspended", report)
    decide_in_admin(staff, "unsuspended", report)
    status, _ = sign_in()
    assert status == 302

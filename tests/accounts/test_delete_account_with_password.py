"""The right password deletes the account and signs out; a wrong one deletes nothing and
says why; the form needs its CSRF token."""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest
from django.core.files.storage import default_storage
from django.test import Client

from saathi.accounts.models import User
from tests.accounts.belongings import give_everything, rows_of
from tests.people import PASSWORD

pytestmark = pytest.mark.django_db

URL = "/settings/delete/"
OnCommit = Callable[..., AbstractContextManager[object]]


def test_the_right_password_deletes_everything_and_signs_out(
    owner: User, owner_client: Client, django_capture_on_commit_callbacks: OnCommit
) -> None:
    stored = give_everything(owner)

    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(URL, {"password": PASSWORD}, follow=True)

    assert set(rows_of(owner).values()) == {0}
    assert [name for name in stored.all if default_storage.exists(name)] == []
    assert "_auth_user_id" not in owner_client.session
    assert response.redirect_chain[0] == ("/", 302)
    assert "Your account and everything in it are deleted." in response.content.decode()


def test_a_wrong_password_deletes_nothing_and_says_why(
    owner: User, owner_client: Client, django_capture_on_commit_callbacks: OnCommit
) -> None:
    stored = give_everything(owner)
    before = rows_of(owner)

    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(URL, {"password": "not it"})

    assert response.status_code == 200
    assert "That is not your password, so nothing was deleted." in response.content.decode()
    assert rows_of(owner) == before
    assert all(default_storage.exists(name) for name in stored.all)
    assert owner_client.session["_auth_user_id"] == str(owner.pk)


def test_an_empty_password_deletes_nothing(owner: User, owner_client: Client) -> None:
    response = owner_client.post(URL, {"password": ""})
    assert "This field is required." in response.content.decode()
    assert User.objects.filter(pk=owner.pk).exists()


def test_posting_without_the_pages_csrf_token_is_forbidden(owner: User) -> None:
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(owner)

    assert strict.post(URL, {"password": PASSWORD}).status_code == 403
    assert User.objects.filter(pk=owner.pk).exists()

    page = strict.get(URL).content.decode()
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert match
    response = strict.post(URL, {"password": PASSWORD, "csrfmiddlewaretoken": match.group(1)})
    assert response.status_code == 302
    assert not User.objects.filter(pk=owner.pk).exists()

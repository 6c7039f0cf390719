"""The confirmation page counts what will go, deletes nothing by itself, and is its
owner's alone: there is no way to name another account, and visitors are sent to log in."""

from __future__ import annotations

import re

import pytest
from django.core.files.storage import default_storage
from django.test import Client

from saathi.accounts.models import User
from tests.accounts.belongings import give_everything, rows_of
from tests.people import PASSWORD

pytestmark = pytest.mark.django_db

URL = "/settings/delete/"


def text_of(html: bytes) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.decode()))


def test_it_counts_what_will_be_deleted_and_deletes_nothing(
    owner: User, owner_client: Client
) -> None:
    stored = give_everything(owner)
    before = rows_of(owner)

    response = owner_client.get(URL)

    assert response.status_code == 200
    text = text_of(response.content)
    assert "2 activities" in text
    assert "4 original files" in text
    assert "1 goal " in text
    assert f"{before['badges']} badges" in text
    assert "your photo" in text
    assert rows_of(owner) == before
    assert all(default_storage.exists(name) for name in stored.all)


def test_an_empty_account_counts_zeroes(owner: User, owner_client: Client) -> None:
    text = text_of(owner_client.get(URL).content)
    assert "0 activities" in text
    assert "0 original files" in text
    assert "your photo" not in text


def test_the_settings_page_links_to_it(owner_client: Client) -> None:
    assert f'href="{URL}"' in owner_client.get("/settings/").content.decode()


def test_a_visitor_is_sent_to_log_in_and_nothing_is_deleted(client: Client, owner: User) -> None:
    give_everything(owner)
    before = rows_of(owner)

    for response in (client.get(URL), client.post(URL, {"password": PASSWORD})):
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=/settings/delete/")
    assert rows_of(owner) == before


def test_a_stranger_sees_and_deletes_only_their_own_account(
    owner: User, stranger: User, stranger_client: Client
) -> None:
    give_everything(owner)
    before = rows_of(owner)

    page = stranger_client.get(URL)
    assert "@vikram" in page.content.decode()
    assert "@asha" not in page.content.decode()
    # Whatever is posted, the account deleted is the one signed in.
    stranger_client.post(URL, {"password": PASSWORD, "user": owner.pk, "handle": "asha"})

    assert not User.objects.filter(pk=stranger.pk).exists()
    assert rows_of(owner) == before


def test_an_account_without_a_password_is_told_to_set_one_first(
    owner: User, owner_client: Client
) -> None:
    owner.set_unusable_password()
    owner.save()
    owner_client.force_login(owner)  # the old session ended with the password

    page = owner_client.get(URL).content.decode()
    owner_client.post(URL, {"password": ""})

    assert "has no password yet" in page
    assert 'type="password"' not in page
    assert User.objects.filter(pk=owner.pk).exists()

"""/settings/notifications/: a table of kinds by the three choices, a plain form, her own."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from saathi.accounts.models import User
from saathi.notifications.models import How, Kind, Preferences
from tests.notifications.choices import choose

pytestmark = pytest.mark.django_db


def _every_kind(how: How, **changes: str) -> dict[str, str]:
    return {kind.value: how.value for kind in Kind} | changes


def test_it_is_linked_from_the_settings_page(owner_client: Client) -> None:
    assert 'href="/settings/notifications/"' in owner_client.get("/settings/").content.decode()


def test_it_shows_her_choices_checked(owner_client: Client, owner: User) -> None:
    choose(owner, How.EMAIL, Kind.PARTNER_REQUESTED)
    choose(owner, How.OFF, Kind.FOLLOWED)
    html = owner_client.get("/settings/notifications/").content.decode()
    assert html.count('type="radio"') == 3 * len(Kind)
    checked = re.findall(r'name="(\w+)" value="(\w+)" id="[^"]+" checked', html)
    assert len(checked) == len(Kind)
    assert {("partner_requested", "email"), ("followed", "off"), ("tagged", "in_app")} <= set(
        checked
    )


def test_saving_keeps_each_choice_and_the_digest(owner_client: Client, owner: User) -> None:
    response = owner_client.post(
        "/settings/notifications/",
        _every_kind(How.IN_APP, mentioned="email", reacted="off", daily_digest="on"),
    )
    assert response.status_code == 302
    preferences = Preferences.of(owner)
    assert preferences.how(Kind.MENTIONED) == How.EMAIL
    assert preferences.how(Kind.REACTED) == How.OFF
    assert preferences.how(Kind.FOLLOWED) == How.IN_APP
    assert preferences.daily_digest is True


def test_a_choice_that_is_none_of_the_three_is_refused(owner_client: Client, owner: User) -> None:
    response = owner_client.post("/settings/notifications/", _every_kind(How.OFF, followed="fax"))
    assert response.status_code == 200
    assert not Preferences.objects.filter(person=owner).exists()


def test_a_kind_missing_from_the_post_keeps_what_it_was(owner_client: Client, owner: User) -> None:
    choose(owner, How.EMAIL, Kind.TAGGED)
    choices = _every_kind(How.OFF)
    del choices["tagged"]
    owner_client.post("/settings/notifications/", choices)
    assert Preferences.of(owner).how(Kind.TAGGED) == How.EMAIL
    assert Preferences.of(owner).how(Kind.FOLLOWED) == How.OFF


def test_saving_changes_nobody_elses(stranger_client: Client, owner: User, stranger: User) -> None:
    stranger_client.post("/settings/notifications/", _every_kind(How.OFF))
    assert Preferences.of(stranger).how(Kind.FOLLOWED) == How.OFF
    assert not Preferences.objects.filter(person=owner).exists()


def test_it_says_when_the_digest_comes(owner_client: Client, settings: Settings) -> None:
    settings.SAATHI_DIGEST_HOUR = 6
    html = owner_client.get("/settings/notifications/").content.decode()
    assert "Sent at 06:00 in your home time zone (Asia/Kolkata)" in html

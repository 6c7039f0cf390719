"""A person's privacy zones go with their account, and no one else's do."""

from __future__ import annotations

import pytest

from saathi.accounts.deletion import delete_account
from saathi.accounts.models import User
from saathi.people.models import PrivacyZone
from saathi.people.zones import add_zone

pytestmark = pytest.mark.django_db


def test_deleting_an_account_deletes_its_zones(owner: User, stranger: User) -> None:
    add_zone(owner=owner, label="Home", lat=34.2, lon=74.34, radius_m=400)
    add_zone(owner=owner, label="Work", lat=34.08, lon=74.79, radius_m=800)
    theirs = add_zone(owner=stranger, label="Home", lat=28.6, lon=77.2, radius_m=400)

    delete_account(user=owner)

    assert list(PrivacyZone.objects.all()) == [theirs]


def test_a_plain_user_delete_takes_them_too(owner: User) -> None:
    add_zone(owner=owner, lat=34.2, lon=74.34, radius_m=400)
    owner.delete()
    assert not PrivacyZone.objects.exists()

"""Asking someone to be training partners waits for their yes; asking back is a yes."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.notifications.models import Kind, Notification
from saathi.people.models import Partnership
from saathi.people.relations import RelationError, ask_partner

pytestmark = pytest.mark.django_db


def test_the_ask_waits_and_the_other_is_told(owner: User, stranger: User) -> None:
    partnership = ask_partner(asker=owner, answerer=stranger)
    assert partnership.accepted is False
    told = Notification.objects.get(recipient=stranger)
    assert (told.kind, told.actor) == (Kind.PARTNER_REQUESTED, owner)


def test_asking_back_makes_them_partners(owner: User, stranger: User) -> None:
    ask_partner(asker=owner, answerer=stranger)
    partnership = ask_partner(asker=stranger, answerer=owner)
    assert partnership.accepted is True
    assert Partnership.objects.count() == 1
    assert Notification.objects.get(recipient=owner).kind == Kind.PARTNER_ACCEPTED


def test_asking_twice_asks_once(owner: User, stranger: User) -> None:
    ask_partner(asker=owner, answerer=stranger)
    ask_partner(asker=owner, answerer=stranger)
    assert Partnership.objects.count() == 1
    assert Notification.objects.filter(recipient=stranger).count() == 1


def test_nobody_partners_themselves(owner: User) -> None:
    with pytest.raises(RelationError):
        ask_partner(asker=owner, answerer=owner)

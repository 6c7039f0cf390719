"""The person asked to be a training partner says yes (and the asker is told) or no (quietly)."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.notifications.models import Kind, Notification
from saathi.people.models import Partnership
from saathi.people.relations import accept_partner, ask_partner, decline_partner

pytestmark = pytest.mark.django_db


def test_accepting_makes_partners_and_tells_the_asker(owner: User, stranger: User) -> None:
    ask_partner(asker=stranger, answerer=owner)
    partnership = accept_partner(answerer=owner, asker=stranger)
    assert partnership.accepted is True
    assert partnership.accepted_at is not None
    told = Notification.objects.get(recipient=stranger)
    assert (told.kind, told.actor) == (Kind.PARTNER_ACCEPTED, owner)
    assert not Notification.objects.filter(recipient=owner).exists()


def test_the_asker_cannot_accept_their_own_ask(owner: User, stranger: User) -> None:
    ask_partner(asker=owner, answerer=stranger)
    with pytest.raises(Partnership.DoesNotExist):
        accept_partner(answerer=owner, asker=stranger)


def test_declining_removes_the_ask_without_a_word(owner: User, stranger: User) -> None:
    ask_partner(asker=stranger, answerer=owner)
    decline_partner(answerer=owner, asker=stranger)
    assert not Partnership.objects.exists()
    assert not Notification.objects.exists()

"""Either partner may end the partnership at any time."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.notifications.models import Notification
from saathi.people.models import Partnership
from saathi.people.relations import ask_partner, end_partnership

pytestmark = pytest.mark.django_db


def test_the_one_who_was_asked_may_end_it(owner: User, partner: User) -> None:
    end_partnership(person=owner, other=partner)
    assert not Partnership.objects.exists()


def test_the_one_who_asked_may_end_it(owner: User, partner: User) -> None:
    end_partnership(person=partner, other=owner)
    assert not Partnership.objects.exists()


def test_ending_an_unanswered_ask_withdraws_it(owner: User, stranger: User) -> None:
    ask_partner(asker=owner, answerer=stranger)
    end_partnership(person=owner, other=stranger)
    assert not Partnership.objects.exists()
    assert not Notification.objects.exists()

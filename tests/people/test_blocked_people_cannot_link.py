"""While a block stands, neither side can follow or partner the other, whoever blocked."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.notifications.models import Notification
from saathi.people.models import Follow, Partnership
from saathi.people.relations import RelationError, ask_partner, ask_to_follow

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("blocked_asks", [True, False])
def test_neither_may_follow_the_other(owner: User, blocked: User, blocked_asks: bool) -> None:
    a, b = (blocked, owner) if blocked_asks else (owner, blocked)
    with pytest.raises(RelationError):
        ask_to_follow(follower=a, followed=b)
    assert not Follow.objects.exists()
    assert not Notification.objects.exists()


@pytest.mark.parametrize("blocked_asks", [True, False])
def test_neither_may_ask_the_other_to_be_partners(
    owner: User, blocked: User, blocked_asks: bool
) -> None:
    a, b = (blocked, owner) if blocked_asks else (owner, blocked)
    with pytest.raises(RelationError):
        ask_partner(asker=a, answerer=b)
    assert not Partnership.objects.exists()
    assert not Notification.objects.exists()

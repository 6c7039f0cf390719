"""A person who has used an action's allowance is told how long to wait, and nothing more
is counted until the window ends; each person and action has a count of its own."""

from __future__ import annotations

import pytest

from saathi.accounts import rate_limits
from saathi.accounts.models import User
from saathi.accounts.rate_limits import Limit, spend

pytestmark = pytest.mark.django_db

THREE = Limit("comments", times=3, per_s=600)


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def time(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(rate_limits, "time", fake)
    return fake


def test_the_fourth_in_ten_minutes_is_refused_with_the_wait(
    owner: User, partner: User, clock: Clock
) -> None:
    assert [spend(owner, THREE) for _ in range(3)] == [None, None, None]
    refused = spend(owner, THREE)
    assert refused is not None
    assert refused.message == "Too many comments; try again in 10 minutes."
    assert spend(partner, THREE) is None
    assert spend(owner, Limit("reactions", times=3, per_s=600)) is None


def test_the_allowance_comes_back_when_the_window_ends(owner: User, clock: Clock) -> None:
    for _ in range(3):
        spend(owner, THREE)
    clock.now += 599
    assert spend(owner, THREE) is not None
    clock.now += 2
    assert spend(owner, THREE) is None

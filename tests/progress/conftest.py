"""People for the progress tests, and activities entered the normal way."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from saathi.accounts.models import User
from saathi.activities.manual import create_manual_activity
from saathi.activities.models import Activity


@pytest.fixture
def owner(db: None) -> User:
    return User.objects.create_user("asha", "asha@example.org", time_zone="Asia/Kolkata")


@pytest.fixture
def stranger(db: None) -> User:
    return User.objects.create_user("ravi", "ravi@example.org", time_zone="Europe/London")


def entry(
    owner: User, when: datetime, sport: str = "ride", minutes: float = 60, **figures: Any
) -> Activity:
    """An activity entered by hand at `when` (naive: the owner's wall clock)."""
    return create_manual_activity(
        owner=owner, sport=sport, start=when, duration_s=minutes * 60, **figures
    )

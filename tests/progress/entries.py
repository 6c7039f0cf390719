"""Activities for the progress tests, entered the normal way."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from saathi.accounts.models import User
from saathi.activities.manual import create_manual_activity
from saathi.activities.models import Activity


def entry(
    owner: User, when: datetime, sport: str = "ride", minutes: float = 60, **figures: Any
) -> Activity:
    """An activity entered by hand at `when` (naive: the owner's wall clock)."""
    return create_manual_activity(
        owner=owner, sport=sport, start=when, duration_s=minutes * 60, **figures
    )

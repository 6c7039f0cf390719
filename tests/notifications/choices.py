"""Setting a person's notification choices in a test, as the settings page would."""

from __future__ import annotations

from saathi.accounts.models import User
from saathi.notifications.models import How, Kind, Preferences


def choose(person: User, how: How, *kinds: Kind, digest: bool = False) -> Preferences:
    """`how` for each of `kinds` (every kind when none is named)."""
    preferences = Preferences.of(person)
    preferences.choices |= {kind.value: how.value for kind in kinds or list(Kind)}
    preferences.daily_digest = digest
    preferences.save()
    return preferences

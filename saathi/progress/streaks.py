"""Streaks of active days: consecutive local days with at least one activity.

The current streak is alive while its last day is today or yesterday (today may not
be trained yet); it is broken by a whole day without an activity.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Streak:
    days: int = 0
    first: date | None = None
    last: date | None = None


@dataclass(frozen=True)
class Streaks:
    current: Streak
    longest: Streak


def streaks(active_days: Iterable[date], today: date) -> Streaks:
    """The current and the longest streak in `active_days` (sorted, each day once).

    On a tie the most recent streak is the longest: it is the one a person remembers.
    """
    longest = run = Streak()
    for day in active_days:
        if run.last is not None and day == run.last + ONE_DAY:
            run = Streak(run.days + 1, run.first, day)
        else:
            run = Streak(1, day, day)
        if run.days >= longest.days:
            longest = run
    alive = run.last is not None and run.last >= today - ONE_DAY
    return Streaks(current=run if alive else Streak(), longest=longest)

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
    # Plain locals rather than a Streak per day: ten years of days is a few thousand.
    first = last = None
    length = best = 0
    best_first = best_last = None
    for day in active_days:
        if last is not None and day - last == ONE_DAY:
            length += 1
        else:
            first, length = day, 1
        last = day
        if length >= best:
            best, best_first, best_last = length, first, day
    longest = Streak(best, best_first, best_last)
    if last is None or last < today - ONE_DAY:
        return Streaks(current=Streak(), longest=longest)
    return Streaks(current=Streak(length, first, last), longest=longest)

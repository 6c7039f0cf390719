"""Days, weeks, months and years as the person lives them: local dates, weeks from Monday.

Every grouping in this app is on an activity's `local_date`, and "today" is the
viewer's own local day (`User.today()`), never the server's.
"""

from __future__ import annotations

from datetime import date, timedelta


def span(period: str, day: date) -> tuple[date, date]:
    """The first and last day of the week (Monday to Sunday), month or year holding `day`."""
    if period == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if period == "month":
        first = day.replace(day=1)
        return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    if period == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    raise ValueError(f"not a period: {period}")


def iso_weeks(year: int) -> tuple[date, date]:
    """The Monday of ISO week 1 and the Sunday of the last ISO week of `year`.

    A year's weeks are its ISO weeks: 29 Dec 2025 starts week 1 of 2026, so the days
    at either end of a calendar year belong to the week they share with the next or
    the last year, and no week is cut in two.
    """
    return date.fromisocalendar(year, 1, 1), date.fromisocalendar(year + 1, 1, 1) - timedelta(1)


def same_day_last_year(day: date) -> date:
    """The date a year earlier; 29 February becomes the 28th."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)

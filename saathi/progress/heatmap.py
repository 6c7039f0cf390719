"""A year of days as a heatmap: one column per week (Monday at the top), one square per
day, darker for more moving time, each active day naming its activities.

Moving time, not distance, sets the shade: a morning of sun salutations is a day of
training as much as a long ride is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import quantiles
from typing import Any
from zoneinfo import ZoneInfo

from saathi.activities.models import ActivityQuerySet
from saathi.units import Units, distance_parts, duration_text, text


@dataclass(frozen=True)
class DayActivity:
    pk: int
    title: str
    sport: str
    clock: str  # the local start, 06:10
    figure: str  # 42.30 km, or 7:00 for an activity with no distance


@dataclass
class HeatDay:
    date: date
    activities: list[DayActivity] = field(default_factory=list)
    moving_s: float = 0.0
    level: int = 0  # 0 (no activity) to 4 (the busiest quarter of the year's active days)

    @property
    def label(self) -> str:
        day = f"{self.date:%a} {self.date.day} {self.date:%b %Y}"
        if not self.activities:
            return f"{day}: no activity"
        return f"{day}: " + "; ".join(
            f"{item.title}, {item.clock}, {item.figure}" for item in self.activities
        )


@dataclass
class Heatmap:
    year: int
    weeks: list[list[HeatDay | None]]  # Monday to Sunday; None outside the year
    months: list[tuple[str, int]]  # a month's name and how many week columns it heads
    active_days: int
    count: int

    @property
    def rows(self) -> list[tuple[str, list[HeatDay | None]]]:
        """The weeks turned on their side: a row per weekday, Monday first, as drawn."""
        names = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
        return [(name, [week[n] for week in self.weeks]) for n, name in enumerate(names)]


def heatmap(activities: ActivityQuerySet, year: int, units: Units) -> Heatmap:
    """The year's calendar from `activities` (already narrowed to a person and sport)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    days = _days(activities, first, last, units)
    _shade([day for day in days.values() if day.activities])
    monday = first - timedelta(days=first.weekday())
    weeks = [
        [days.get(monday + timedelta(days=7 * week + weekday)) for weekday in range(7)]
        for week in range((last - monday).days // 7 + 1)
    ]
    return Heatmap(
        year=year,
        weeks=weeks,
        months=_month_heads(weeks),
        active_days=sum(1 for day in days.values() if day.activities),
        count=sum(len(day.activities) for day in days.values()),
    )


def one_day(activities: ActivityQuerySet, day: date, units: Units) -> HeatDay:
    return _days(activities, day, day, units)[day]


def _days(
    activities: ActivityQuerySet, first: date, last: date, units: Units
) -> dict[date, HeatDay]:
    days = {
        first + timedelta(n): HeatDay(first + timedelta(n)) for n in range((last - first).days + 1)
    }
    rows = (
        activities.between(first, last)
        .order_by("start_time")
        .values(
            "pk", "title", "sport", "local_date", "start_time", "timezone", "distance_m", "moving_s"
        )
    )
    for row in rows:
        day = days[row["local_date"]]
        day.activities.append(_described(row, units))
        day.moving_s += row["moving_s"] or 0.0
    return days


def _described(row: Mapping[str, Any], units: Units) -> DayActivity:
    local = row["start_time"].astimezone(ZoneInfo(row["timezone"]))
    figure = (
        text(distance_parts(row["distance_m"], units))
        if row["distance_m"]
        else duration_text(row["moving_s"])
    )
    return DayActivity(row["pk"], row["title"], row["sport"], f"{local:%H:%M}", figure)


def _shade(active: list[HeatDay]) -> None:
    """Levels 1-4 by the quarter of the year's active days each falls in; a year of
    equal days (the same seven-minute routine every morning) is shaded evenly, darkly."""
    values = sorted(day.moving_s for day in active)
    if not values:
        return
    if values[0] == values[-1]:
        for day in active:
            day.level = 3
        return
    cuts = quantiles(values, n=4, method="inclusive")
    for day in active:
        day.level = 1 + sum(day.moving_s > cut for cut in cuts)


def _month_heads(weeks: list[list[HeatDay | None]]) -> list[tuple[str, int]]:
    """Each month's name and how many week columns it heads: a column belongs to the
    month of its first day in the year."""
    heads: list[tuple[str, int]] = []
    for week in weeks:
        first_in_year = next(day for day in week if day is not None)
        name = f"{first_in_year.date:%b}"
        if heads and heads[-1][0] == name:
            heads[-1] = (name, heads[-1][1] + 1)
        else:
            heads.append((name, 1))
    return heads

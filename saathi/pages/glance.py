"""The dashboard's week at a glance, from the summary columns.

The week is accounts.week's (Monday to Sunday in the home time zone); this fills it in,
and adds the progress of the person's goals (progress/goals.py).
Bars are moving time per day, so a yoga morning stands beside a long ride.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime

from saathi.accounts.models import User
from saathi.accounts.week import Week, this_week
from saathi.activities.models import Activity
from saathi.activities.sports import Sport
from saathi.progress.goals import GoalProgress, goal_progress


@dataclass(frozen=True)
class DayBar:
    date: date
    label: str
    is_today: bool
    moving_s: float
    percent: int  # of the busiest day's moving time


@dataclass(frozen=True)
class SportWeek:
    sport: str
    label: str
    count: int
    distance_m: float
    moving_s: float


@dataclass(frozen=True)
class Glance:
    week: Week
    bars: list[DayBar]
    sports: list[SportWeek]
    goals: list[GoalProgress]


def week_at_a_glance(user: User, now: datetime | None = None) -> Glance:
    empty = this_week(user, now)
    activities = list(
        Activity.objects.owned_by(user)
        .filter(local_date__range=(empty.start, empty.end))
        .only("sport", "local_date", "distance_m", "moving_s", "ascent_m")
    )
    per_day: dict[date, float] = defaultdict(float)
    per_sport: dict[str, list[Activity]] = defaultdict(list)
    for activity in activities:
        per_day[activity.local_date] += activity.moving_s or 0.0
        per_sport[activity.sport].append(activity)
    busiest = max(per_day.values(), default=0.0)
    bars = [
        DayBar(
            date=day.date,
            label=day.label,
            is_today=day.is_today,
            moving_s=per_day[day.date],
            percent=round(100 * per_day[day.date] / busiest) if busiest else 0,
        )
        for day in empty.days
    ]
    units = user.unit_system
    metres = sum(a.distance_m or 0.0 for a in activities)
    week = replace(
        empty,
        activities=len(activities),
        distance=metres / units.distance_unit[1],
        moving_s=round(sum(a.moving_s or 0.0 for a in activities)),
        elevation_gain=sum(a.ascent_m or 0.0 for a in activities) / units.elevation_unit[1],
    )
    today = next(day.date for day in empty.days if day.is_today)
    goals = goal_progress(user, today)
    return Glance(week=week, bars=bars, sports=_per_sport(per_sport), goals=goals)


def _per_sport(per_sport: dict[str, list[Activity]]) -> list[SportWeek]:
    rows = [
        SportWeek(
            sport=sport,
            label=Sport(sport).label,
            count=len(items),
            distance_m=sum(a.distance_m or 0.0 for a in items),
            moving_s=sum(a.moving_s or 0.0 for a in items),
        )
        for sport, items in per_sport.items()
    ]
    return sorted(rows, key=lambda row: -row.moving_s)

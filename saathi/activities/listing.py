"""The owner's activities as a filtered list and as a month calendar.

Days are the activity's own local date: a run at 06:00 in Srinagar is on that day's
square however far the viewer has since travelled.
"""

from __future__ import annotations

import calendar as calendar_module
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlencode

from django.http import QueryDict

from saathi.accounts.models import User
from saathi.activities.models import Activity, ActivityQuerySet
from saathi.activities.sports import Sport


def sport_choices() -> list[tuple[str, str]]:
    return [(value, str(label)) for value, label in Sport.choices]


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Filters:
    sport: str = ""
    since: date | None = None
    until: date | None = None

    @classmethod
    def from_query(cls, query: QueryDict) -> Filters:
        """What the query asks for; a value that makes no sense is ignored, not an error."""
        sport = query.get("sport", "")
        return cls(
            sport=sport if sport in Sport.values else "",
            since=_date(query.get("since")),
            until=_date(query.get("until")),
        )

    def query_string(self) -> str:
        pairs = {"sport": self.sport, "since": self.since, "until": self.until}
        return urlencode({k: str(v) for k, v in pairs.items() if v})

    @property
    def active(self) -> bool:
        return bool(self.sport or self.since or self.until)


def filtered(user: User, filters: Filters) -> ActivityQuerySet:
    activities = Activity.objects.owned_by(user).order_by("-start_time", "-pk")
    if filters.sport:
        activities = activities.filter(sport=filters.sport)
    if filters.since:
        activities = activities.filter(local_date__gte=filters.since)
    if filters.until:
        activities = activities.filter(local_date__lte=filters.until)
    return activities.defer("laps", "splits_km", "splits_mile", "power_curve", "computed_totals")


def month_from_query(value: str | None, today: date) -> date:
    """The first day of the month asked for as YYYY-MM, else of this month."""
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return date(year, month, 1)
    except ValueError:
        return today.replace(day=1)


@dataclass
class CalendarDay:
    date: date
    in_month: bool
    is_today: bool
    activities: list[Activity] = field(default_factory=list)


@dataclass
class Month:
    first: date
    weeks: list[list[CalendarDay]]
    previous: date
    next: date
    count: int
    distance_m: float
    moving_s: float

    @property
    def key(self) -> str:
        return f"{self.first:%Y-%m}"


def month_calendar(user: User, first: date, today: date) -> Month:
    """Weeks Monday to Sunday covering the month, each day with its activities."""
    grid = calendar_module.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    start, end = grid[0][0], grid[-1][-1]
    by_day: dict[date, list[Activity]] = defaultdict(list)
    for activity in (
        Activity.objects.owned_by(user)
        .filter(local_date__range=(start, end))
        .order_by("start_time")
        .only("pk", "title", "sport", "local_date", "distance_m", "moving_s", "start_time")
    ):
        by_day[activity.local_date].append(activity)
    weeks = [
        [CalendarDay(d, d.month == first.month, d == today, by_day.get(d, [])) for d in week]
        for week in grid
    ]
    in_month = [a for d, items in by_day.items() if d.month == first.month for a in items]
    return Month(
        first=first,
        weeks=weeks,
        previous=(first - timedelta(days=1)).replace(day=1),
        next=(first + timedelta(days=32)).replace(day=1),
        count=len(in_month),
        distance_m=sum(a.distance_m or 0.0 for a in in_month),
        moving_s=sum(a.moving_s or 0.0 for a in in_month),
    )

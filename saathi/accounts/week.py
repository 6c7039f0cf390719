"""The week on the dashboard: Monday to Sunday in the person's home time zone.

Totals are zero until activities exist; the activities app fills them from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from saathi.accounts.models import User


@dataclass(frozen=True)
class Day:
    date: date
    is_today: bool
    distance: float = 0.0

    @property
    def label(self) -> str:
        return self.date.strftime("%a")


@dataclass(frozen=True)
class Week:
    start: date
    days: list[Day]
    distance_unit: str
    activities: int = 0
    distance: float = 0.0
    moving_s: int = 0
    elevation_gain: float = 0.0
    elevation_unit: str = field(default="m")

    @property
    def end(self) -> date:
        return self.start + timedelta(days=6)

    @property
    def moving_time(self) -> str:
        hours, rest = divmod(self.moving_s, 3600)
        return f"{hours}:{rest // 60:02d}"


def this_week(user: User, now: datetime | None = None) -> Week:
    today = user.today(now)
    monday = today - timedelta(days=today.weekday())
    days = [
        Day(date=monday + timedelta(days=i), is_today=monday + timedelta(days=i) == today)
        for i in range(7)
    ]
    units = user.unit_system
    return Week(
        start=monday,
        days=days,
        distance_unit=units.distance_unit[0],
        elevation_unit=units.elevation_unit[0],
    )

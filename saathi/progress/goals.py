"""How far each goal has come in its current week, month or year, and whether it is on pace.

All of a person's goals are summed in one query: each goal is one filtered aggregate
(its sport, its period's days) over the days the longest period covers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import models

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.activities.sports import Sport
from saathi.progress.measures import amount_text
from saathi.progress.models import COLUMNS, Goal, Measure
from saathi.progress.periods import span
from saathi.units import Units

# Words for "this week / this month / this year".
THIS = {"week": "this week", "month": "this month", "year": "this year"}


@dataclass(frozen=True)
class GoalProgress:
    goal: Goal
    first: date
    last: date
    today: date
    done: float  # metres, seconds or activities, as the goal's target
    units: Units

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def day(self) -> int:
        """Today is day `day` of `days`."""
        return (self.today - self.first).days + 1

    @property
    def share(self) -> float:
        return self.done / self.goal.target

    @property
    def percent(self) -> int:
        return min(100, int(100 * self.share))

    @property
    def elapsed(self) -> float:
        """The share of the period already over: the days before today. Today is still
        to be lived, so a goal is on pace on a Monday morning with nothing done yet."""
        return (self.day - 1) / self.days

    @property
    def elapsed_percent(self) -> int:
        return round(100 * self.elapsed)

    @property
    def state(self) -> str:
        if self.done >= self.goal.target:
            return "reached"
        return "on pace" if self.share >= self.elapsed else "behind"

    @property
    def behind_by(self) -> str:
        """How much more it takes to be back on pace today."""
        gap = self.goal.target * self.elapsed - self.done
        return amount_text(max(gap, 0.0), self.goal.measure, self.units)

    @property
    def sport_label(self) -> str:
        return Sport(self.goal.sport).label if self.goal.sport else "All sports"

    @property
    def title(self) -> str:
        target = amount_text(self.goal.target, self.goal.measure, self.units)
        if self.goal.measure == Measure.MOVING_TIME:
            target = f"{target} of moving time"
        elif self.goal.measure == Measure.ELEVATION:
            target = f"{target} of climbing"
        return f"{target} {THIS[self.goal.period]}"

    @property
    def done_text(self) -> str:
        return amount_text(self.done, self.goal.measure, self.units)


def _sum_of(goal: Goal, first: date, last: date) -> models.Aggregate:
    mine = models.Q(local_date__range=(first, last))
    if goal.sport:
        mine &= models.Q(sport=goal.sport)
    if goal.measure == Measure.COUNT:
        return models.Count("pk", filter=mine)
    return models.Sum(COLUMNS[Measure(goal.measure)], filter=mine)


def goal_progress(user: User, today: date) -> list[GoalProgress]:
    """Each of the user's goals over its period holding `today` (the user's local day)."""
    goals = list(Goal.objects.owned_by(user))
    if not goals:
        return []
    spans = {goal.pk: span(goal.period, today) for goal in goals}
    sums = {f"goal_{goal.pk}": _sum_of(goal, *spans[goal.pk]) for goal in goals}
    first = min(start for start, _ in spans.values())
    last = max(end for _, end in spans.values())
    done: dict[str, Any] = (
        Activity.objects.owned_by(user).between(first, last).order_by().aggregate(**sums)
    )
    order = {"week": 0, "month": 1, "year": 2}
    return sorted(
        (
            GoalProgress(
                goal=goal,
                first=spans[goal.pk][0],
                last=spans[goal.pk][1],
                today=today,
                done=float(done[f"goal_{goal.pk}"] or 0.0),
                units=user.unit_system,
            )
            for goal in goals
        ),
        key=lambda item: (order[item.goal.period], item.goal.sport, item.goal.measure),
    )

"""Goals: a target for one sport (or all) over a week, a month or a year.

Progress is not stored: it is summed from the activities whenever a page shows it
(goals.py), so an edited or deleted activity can never leave a goal out of date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.db import models

from saathi.activities.sports import Sport

if TYPE_CHECKING:
    from saathi.accounts.models import User


class Period(models.TextChoices):
    WEEK = "week", "Week"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class Measure(models.TextChoices):
    DISTANCE = "distance", "Distance"
    MOVING_TIME = "moving_time", "Moving time"
    ELEVATION = "elevation", "Elevation gain"
    COUNT = "count", "Activities"


# The Activity column each measure sums; a count counts rows.
COLUMNS = {
    Measure.DISTANCE: "distance_m",
    Measure.MOVING_TIME: "moving_s",
    Measure.ELEVATION: "ascent_m",
}


class GoalQuerySet(models.QuerySet["Goal"]):
    def owned_by(self, user: User) -> GoalQuerySet:
        return self.filter(owner=user)


class Goal(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goals"
    )
    # Blank: every sport counts toward the goal.
    sport = models.CharField(max_length=24, choices=Sport.choices, blank=True)
    period = models.CharField(max_length=8, choices=Period.choices)
    measure = models.CharField(max_length=12, choices=Measure.choices)
    # In metres (distance, elevation), seconds (moving time) or activities (count),
    # whatever units the owner typed it in.
    target = models.FloatField()
    created = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[GoalQuerySet] = GoalQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["created", "pk"]
        constraints = [
            # Two goals for the same thing would only disagree with each other.
            models.UniqueConstraint(
                fields=["owner", "sport", "period", "measure"], name="goal_unique_per_owner"
            ),
            models.CheckConstraint(condition=models.Q(target__gt=0), name="goal_target_positive"),
        ]

    def __str__(self) -> str:
        sport = self.get_sport_display() if self.sport else "All sports"
        return f"{sport}: {self.get_measure_display()} per {self.get_period_display().lower()}"

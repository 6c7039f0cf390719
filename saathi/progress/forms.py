"""The goal form: what was typed, in the owner's units, checked for sense."""

from __future__ import annotations

from typing import Any

from django import forms

from saathi.accounts.models import User
from saathi.activities.manual import MAX_ASCENT_M_PER_H, MAX_AVERAGE_MPS
from saathi.activities.sports import Sport, needs_distance
from saathi.progress.measures import amount_text, from_units, to_units, unit_of
from saathi.progress.models import Goal, Measure, Period

DAYS = {Period.WEEK: 7, Period.MONTH: 31, Period.YEAR: 366}
DAY_S = 86400.0
# Beyond these a goal cannot be met by anyone: moving every hour of the period at the
# fastest average a manual ride may have, climbing at the record rate manual entries
# are checked against, or a hundred activities a day.
MOST_PER_DAY = {
    Measure.DISTANCE: MAX_AVERAGE_MPS["ride"] * DAY_S,
    Measure.MOVING_TIME: DAY_S,
    Measure.ELEVATION: MAX_ASCENT_M_PER_H * 24,
    Measure.COUNT: 100.0,
}


class GoalForm(forms.ModelForm):  # type: ignore[type-arg]
    sport = forms.ChoiceField(
        choices=[("", "All sports"), *Sport.choices], required=False, label="Sport"
    )
    amount = forms.FloatField(
        label="Target",
        help_text="In your units: km or mi, hours, m or ft, or a number of activities.",
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )

    class Meta:
        model = Goal
        fields = ["sport", "period", "measure"]
        widgets = {"period": forms.RadioSelect, "measure": forms.RadioSelect}

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owner = owner
        if self.instance.pk:
            self.initial["amount"] = round(
                to_units(self.instance.target, self.instance.measure, owner.unit_system), 2
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        sport, period, measure = data.get("sport", ""), data.get("period"), data.get("measure")
        amount = data.get("amount")
        if measure == Measure.DISTANCE and sport and not needs_distance(sport):
            self.add_error(
                "measure",
                f"{Sport(sport).label} has no distance: choose moving time or activities.",
            )
        if period and measure and amount is not None:
            self._check_amount(period, measure, amount)
        if period and measure and self._taken(sport, period, measure):
            self.add_error(
                None, "You already have this goal: change its target instead of adding another."
            )
        return data

    def _check_amount(self, period: str, measure: str, amount: float) -> None:
        if amount <= 0:
            self.add_error("amount", "The target must be more than zero.")
            return
        if measure == Measure.COUNT and amount != int(amount):
            self.add_error("amount", "A number of activities is a whole number.")
            return
        most = MOST_PER_DAY[Measure(measure)] * DAYS[Period(period)]
        units = self.owner.unit_system
        if from_units(amount, measure, units) > most:
            unit = unit_of(measure, units)[0]
            self.add_error(
                "amount",
                f"{amount:,g} {unit or 'activities'} in a {period} is more than anyone could do "
                f"(at most {amount_text(most, measure, units)}): "
                "please check the figure and its unit.",
            )

    def _taken(self, sport: str, period: str, measure: str) -> bool:
        same = Goal.objects.owned_by(self.owner).filter(sport=sport, period=period, measure=measure)
        return same.exclude(pk=self.instance.pk).exists()

    def save(self, commit: bool = True) -> Goal:
        goal: Goal = super().save(commit=False)
        goal.owner = self.owner
        goal.sport = self.cleaned_data["sport"]
        goal.target = from_units(self.cleaned_data["amount"], goal.measure, self.owner.unit_system)
        if commit:
            goal.save()
        return goal

"""The records page: each sport's records today, with the steps that led to them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from saathi.accounts.models import User
from saathi.activities.sports import Sport
from saathi.records.badges import figure, short_date
from saathi.records.measures import BY_KEY, RecordMeasure, measures_for
from saathi.records.models import Record
from saathi.units import Units


@dataclass(frozen=True)
class ShownStep:
    activity: int
    title: str
    value: str
    day: str


@dataclass
class Progression:
    measure: RecordMeasure
    steps: list[ShownStep] = field(default_factory=list)  # newest (the record) first

    @property
    def record(self) -> ShownStep:
        return self.steps[0]

    @property
    def history(self) -> list[ShownStep]:
        return self.steps[1:]


@dataclass
class SportRecords:
    sport: Sport
    progressions: list[Progression]


def records_of(user: User, units: Units, today: date) -> list[SportRecords]:
    """Every record of `user`, by sport in the usual order: one query."""
    chains: dict[tuple[str, str], Progression] = {}
    rows = Record.objects.held_by(user).values_list(
        "sport", "measure", "activity_id", "activity__title", "value", "local_date"
    )
    for sport, key, activity, title, value, day in rows:
        measure = BY_KEY[key]
        chain = chains.setdefault((sport, key), Progression(measure))
        shown = ShownStep(activity, title, figure(measure, value, units), short_date(day, today))
        chain.steps.insert(0, shown)
    by_sport: dict[str, list[Progression]] = defaultdict(list)
    for sport in Sport.values:
        for measure in measures_for(sport):
            if (sport, measure.key) in chains:
                by_sport[sport].append(chains[(sport, measure.key)])
    return [SportRecords(Sport(s), progressions) for s, progressions in by_sport.items()]

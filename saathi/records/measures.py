"""What a record is kept for: per sport, the figures where more (or, for best efforts,
less) is better, read from an activity's columns or its best-effort and power tables.

A measure's key is what the database stores ("distance", "effort:5k", "power:1200").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import F, FloatField, Func, Q

from saathi.activities.sports import GROUPS, WITHOUT_DISTANCE, Sport
from saathi.tracks.efforts import DISTANCES
from saathi.tracks.power import CURVE_S

# Best efforts are records for runs only, as on Strava: a hike's fastest 5 km says
# little about the hiker.
EFFORT_SPORTS = frozenset({Sport.RUN, Sport.TRAIL_RUN})


class JsonNumber(Func):
    """One number from a JSON object column, by key.

    Django's own key lookups read a key made of digits ("1200", a power duration) as an
    array index, so the path is written here for the two databases Saathi runs on.
    """

    output_field = FloatField()

    def __init__(self, column: str, key: str) -> None:
        super().__init__(F(column))
        self.key = key

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:
        sql, params = compiler.compile(self.source_expressions[0])
        return f"JSON_EXTRACT({sql}, %s)", [*params, f'$."{self.key}"']

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:
        sql, params = compiler.compile(self.source_expressions[0])
        return f"(({sql}) ->> %s)::double precision", [*params, self.key]


@dataclass(frozen=True)
class RecordMeasure:
    key: str
    label: str  # as the records page names it
    column: str  # the Activity column holding it
    json_key: str = ""  # the key inside a JSON column
    lower_is_better: bool = False  # times of best efforts

    def value(self, activity: Any) -> float | None:
        """The activity's figure, or None when it has none worth a record (zero included)."""
        raw = getattr(activity, self.column)
        if self.json_key:
            raw = (raw or {}).get(self.json_key)
        return float(raw) if raw else None

    def value_in(self, row: dict[str, Any]) -> float | None:
        raw = row.get(self.column)
        if self.json_key:
            raw = (raw or {}).get(self.json_key)
        return float(raw) if raw else None

    def beats(self, value: float, other: float) -> bool:
        return value < other if self.lower_is_better else value > other

    def expression(self) -> Any:
        return JsonNumber(self.column, self.json_key) if self.json_key else F(self.column)

    def better_than(self, alias: str, other: float | None) -> Q:
        """A filter on `alias` (this measure annotated): a value that would beat `other`."""
        if other is None:
            return Q(**{f"{alias}__gt": 0})
        return Q(**{f"{alias}__{'lt' if self.lower_is_better else 'gt'}": other}) & Q(
            **{f"{alias}__gt": 0}
        )


DISTANCE = RecordMeasure("distance", "Longest distance", "distance_m")
MOVING_TIME = RecordMeasure("moving_time", "Longest moving time", "moving_s")
ASCENT = RecordMeasure("ascent", "Most elevation gain", "ascent_m")
EFFORTS = {
    name: RecordMeasure(f"effort:{name}", name, "best_efforts", name, lower_is_better=True)
    for name in DISTANCES
}
POWER = {
    seconds: RecordMeasure(f"power:{seconds}", f"{_label} power", "power_curve", str(seconds))
    for seconds, _label in (
        (s, f"{s} s" if s < 60 else f"{s // 60} min" if s < 3600 else f"{s // 3600} h")
        for s in CURVE_S
    )
}
BY_KEY = {m.key: m for m in (DISTANCE, MOVING_TIME, ASCENT, *EFFORTS.values(), *POWER.values())}


def measures_for(sport: str) -> list[RecordMeasure]:
    """The records a sport keeps, in the order the records page lists them."""
    chosen = Sport(sport)
    found = [MOVING_TIME] if chosen in WITHOUT_DISTANCE else [DISTANCE, MOVING_TIME, ASCENT]
    if chosen in EFFORT_SPORTS:
        found += EFFORTS.values()
    if GROUPS[chosen] == "ride":
        found += POWER.values()
    return found


def longest_for(sport: str) -> RecordMeasure:
    """What "longest" means for a sport: distance, or time where there is no distance."""
    return MOVING_TIME if Sport(sport) in WITHOUT_DISTANCE else DISTANCE

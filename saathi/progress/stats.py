"""The stats page's figures: totals per week, month and year, this year against last,
the year's calendar and the streaks — for one person, one sport or all.

Each total is grouped by the database on the activities' local dates (totals_per);
what is left here is filling empty periods with zeros and putting numbers in the
viewer's units for the charts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

from django.http import QueryDict

from saathi.accounts.models import User
from saathi.activities.models import Activity, ActivityQuerySet
from saathi.activities.sports import Sport, needs_distance
from saathi.progress.heatmap import Heatmap, heatmap
from saathi.progress.measures import amount_text, to_units, unit_of
from saathi.progress.models import Measure
from saathi.progress.periods import iso_weeks, same_day_last_year
from saathi.progress.streaks import Streaks, streaks
from saathi.units import Units

OLDEST_YEAR = 1970


@dataclass(frozen=True)
class Selection:
    """What the page is asked to show; nonsense in the query falls back to the default."""

    sport: str
    year: int
    measure: str

    @classmethod
    def from_query(cls, query: QueryDict, today: date) -> Selection:
        sport = query.get("sport", "")
        measure = query.get("measure", "")
        year = query.get("year", "")
        return cls(
            sport=sport if sport in Sport.values else "",
            year=int(year)
            if year.isdigit() and OLDEST_YEAR <= int(year) <= today.year
            else today.year,
            measure=measure if measure in Measure.values else "",
        )

    def query(self, **changes: Any) -> str:
        """This selection's query string with `changes`, for the pickers' links."""
        chosen = {"sport": self.sport, "year": self.year, "measure": self.measure}
        if "sport" in changes:
            chosen["measure"] = ""  # a yoga page has no distance to keep showing
        chosen.update(changes)
        return urlencode({key: value for key, value in chosen.items() if value})


@dataclass(frozen=True)
class PeriodTotals:
    """One period's totals (or one sport's, in the table by sport)."""

    start: date
    label: str
    count: int = 0
    distance_m: float = 0.0
    moving_s: float = 0.0
    ascent_m: float = 0.0

    def plus(self, other: dict[str, Any]) -> PeriodTotals:
        return replace(
            self,
            count=self.count + other["count"],
            distance_m=self.distance_m + (other["distance_m"] or 0.0),
            moving_s=self.moving_s + (other["moving_s"] or 0.0),
            ascent_m=self.ascent_m + (other["ascent_m"] or 0.0),
        )

    def amount(self, measure: str) -> float:
        if measure == Measure.COUNT:
            return float(self.count)
        return {"distance": self.distance_m, "moving_time": self.moving_s}.get(
            measure, self.ascent_m
        )


@dataclass(frozen=True)
class ToDate:
    """This year to today against last year to the same day."""

    measure: str
    today: date
    same_day: date
    this_year: float
    last_year: float
    this_cumulative: list[float]  # per day of the year, stored units, up to today
    last_cumulative: list[float]  # the whole of last year

    @property
    def change_percent(self) -> int | None:
        if not self.last_year:
            return None
        return round(100 * (self.this_year - self.last_year) / self.last_year)


@dataclass
class Stats:
    selection: Selection
    today: date
    sports: list[tuple[str, str]]
    years: list[int]
    measure: str  # the charts' measure: the one asked for, else distance (time without)
    yearly: list[PeriodTotals]
    by_sport: list[PeriodTotals]
    monthly: list[PeriodTotals]
    weekly: list[PeriodTotals]
    year_total: PeriodTotals
    to_date: ToDate
    calendar: Heatmap
    streaks: Streaks


def stats(user: User, selection: Selection, today: date) -> Stats:
    mine = Activity.objects.owned_by(user)
    chosen = mine.of_sport(selection.sport)
    year = selection.year
    per_year = list(mine.totals_per("year", by_sport=True))
    yearly = _yearly(per_year, selection.sport)
    by_sport = _by_sport(per_year, year)
    measure = selection.measure or _main_measure(selection.sport, yearly)
    first_monday, last_sunday = iso_weeks(year)
    return Stats(
        selection=selection,
        today=today,
        sports=_sports(per_year),
        years=sorted({row["period"].year for row in per_year} | {today.year}, reverse=True),
        measure=measure,
        yearly=yearly,
        by_sport=by_sport,
        monthly=_filled(chosen.between(date(year, 1, 1), date(year, 12, 31)), "month", year),
        weekly=_filled(chosen.between(first_monday, last_sunday), "week", year),
        year_total=next(
            (row for row in yearly if row.start.year == year),
            PeriodTotals(date(year, 1, 1), str(year)),
        ),
        to_date=_to_date(chosen, measure, today),
        calendar=heatmap(chosen, year, user.unit_system),
        streaks=streaks(chosen.active_days(), today),
    )


def _sports(per_year: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """The sports the person has, most practised (by moving time) first."""
    time: dict[str, float] = defaultdict(float)
    for row in per_year:
        time[row["sport"]] += row["moving_s"] or 0.0
    ordered = sorted(time, key=lambda sport: -time[sport])
    return [(sport, Sport(sport).label) for sport in ordered if sport in Sport.values]


def _yearly(per_year: list[dict[str, Any]], sport: str) -> list[PeriodTotals]:
    years: dict[int, PeriodTotals] = {}
    for row in per_year:
        if sport and row["sport"] != sport:
            continue
        key = row["period"].year
        years[key] = years.get(key, PeriodTotals(date(key, 1, 1), str(key))).plus(row)
    if not years:
        return []
    # Every year from the first to the last, a quiet one as a zero rather than a gap.
    return [
        years.get(y, PeriodTotals(date(y, 1, 1), str(y))) for y in range(min(years), max(years) + 1)
    ]


def _by_sport(per_year: list[dict[str, Any]], year: int) -> list[PeriodTotals]:
    rows = [
        PeriodTotals(date(year, 1, 1), Sport(row["sport"]).label).plus(row)
        for row in per_year
        if row["period"].year == year and row["sport"] in Sport.values
    ]
    return sorted(rows, key=lambda row: -row.moving_s)


def _main_measure(sport: str, yearly: list[PeriodTotals]) -> str:
    if sport and not needs_distance(sport):
        return Measure.MOVING_TIME
    if not sport and not any(row.distance_m for row in yearly):
        return Measure.MOVING_TIME
    return Measure.DISTANCE


def _filled(activities: ActivityQuerySet, period: str, year: int) -> list[PeriodTotals]:
    """The year's months or ISO weeks, each with its totals or zeros."""
    found = {row["period"]: row for row in activities.totals_per(period)}
    if period == "month":
        starts = [date(year, month, 1) for month in range(1, 13)]
        label = "%b"
    else:
        monday, sunday = iso_weeks(year)
        starts = [monday + timedelta(weeks=n) for n in range((sunday - monday).days // 7 + 1)]
        label = "%-d %b"
    return [
        PeriodTotals(start, f"{start:{label}}").plus(found[start])
        if start in found
        else PeriodTotals(start, f"{start:{label}}")
        for start in starts
    ]


def _to_date(activities: ActivityQuerySet, measure: str, today: date) -> ToDate:
    """Cumulative totals by day of the year, this year to today and all of last year."""
    this_first, last_first = date(today.year, 1, 1), date(today.year - 1, 1, 1)
    same_day = same_day_last_year(today)
    daily = {
        row["period"]: PeriodTotals(row["period"], "").plus(row)
        for row in activities.between(last_first, today).totals_per("day")
    }

    def running(first: date, last: date) -> list[float]:
        total, out = 0.0, []
        for n in range((last - first).days + 1):
            row = daily.get(first + timedelta(days=n))
            total += row.amount(measure) if row else 0.0
            out.append(total)
        return out

    this_cumulative = running(this_first, today)
    last_cumulative = running(last_first, this_first - timedelta(days=1))
    return ToDate(
        measure=measure,
        today=today,
        same_day=same_day,
        this_year=this_cumulative[-1],
        last_year=last_cumulative[(same_day - last_first).days],
        this_cumulative=this_cumulative,
        last_cumulative=last_cumulative,
    )


def chart_data(figures: Stats, units: Units) -> dict[str, Any]:
    """What stats.js draws, in the viewer's units: bars per week, month and year of the
    chosen measure, and the two cumulative lines."""
    measure = figures.measure

    def bars(rows: list[PeriodTotals]) -> dict[str, Any]:
        return {
            "labels": [row.label for row in rows],
            "values": [round(to_units(row.amount(measure), measure, units), 2) for row in rows],
        }

    line = figures.to_date.measure
    return {
        "measure": measure,
        "unit": unit_of(measure, units)[0],
        "week": bars(figures.weekly),
        "month": bars(figures.monthly),
        "year": bars(figures.yearly),
        "to_date": {
            "measure": line,
            "unit": unit_of(line, units)[0],
            "year": figures.today.year,
            "this": [round(to_units(v, line, units), 2) for v in figures.to_date.this_cumulative],
            "last": [round(to_units(v, line, units), 2) for v in figures.to_date.last_cumulative],
        },
    }


def summary(rows: list[PeriodTotals], measure: str, units: Units, noun: str) -> str:
    """A chart in a sentence, for those who do not see it: the total and the busiest."""
    active = [row for row in rows if row.count]
    if not active:
        return f"No activity in these {noun}s."
    total = sum(row.amount(measure) for row in rows)
    busiest = max(rows, key=lambda row: row.amount(measure))
    when = f"the week of {busiest.label}" if noun == "week" else busiest.label
    return (
        f"{amount_text(total, measure, units)} over {len(active)} of {len(rows)} {noun}s; "
        f"the most, {amount_text(busiest.amount(measure), measure, units)}, in {when}."
    )

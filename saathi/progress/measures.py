"""The four things a total or a goal can measure, in the viewer's units.

Stored figures are metres, seconds and counts; people type and read kilometres or
miles, hours, metres or feet.
"""

from __future__ import annotations

from saathi.progress.models import Measure
from saathi.units import HOUR_S, Units


def unit_of(measure: str, units: Units) -> tuple[str, float]:
    """The unit a person uses for `measure`, and how many stored units make one."""
    if measure == Measure.DISTANCE:
        return units.distance_unit
    if measure == Measure.ELEVATION:
        return units.elevation_unit
    if measure == Measure.MOVING_TIME:
        return "h", HOUR_S
    return "", 1.0


def to_units(value: float, measure: str, units: Units) -> float:
    return value / unit_of(measure, units)[1]


def from_units(value: float, measure: str, units: Units) -> float:
    return value * unit_of(measure, units)[1]


def hours_minutes(seconds: float | None) -> str:
    """A total of time as hours and minutes: 312:05 (a year of rides is many hours)."""
    minutes = round((seconds or 0.0) / 60)
    return f"{minutes // 60:,}:{minutes % 60:02d}"


def amount_text(value: float | None, measure: str, units: Units) -> str:
    """A total as it is read: "1,234.5 km", "312:05 h", "4,210 m", "17 activities"."""
    value = value or 0.0
    if measure == Measure.MOVING_TIME:
        return f"{hours_minutes(value)} h"
    if measure == Measure.COUNT:
        count = round(value)
        return f"{count:,} activit{'y' if count == 1 else 'ies'}"
    unit, per = unit_of(measure, units)
    amount = value / per
    digits = 1 if measure == Measure.DISTANCE and amount < 10_000 else 0
    return f"{amount:,.{digits}f} {unit}"

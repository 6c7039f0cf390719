"""Figures in a person's units, at the precision a person uses: 12.34 km, 1:02:03,
4:56 /km, 285 m. Plain Python, below every app: pages, charts, badges, forms and the
stats all convert and format through here.

A person's setting is parsed once, where it is read (`Units.parse`, or
`User.unit_system`); everything past that takes a `Units`. Each `*_parts` function
gives a figure as its number and unit, which `text` joins for sentences and `html`
for pages (the unit in a quiet <span>).
"""

from __future__ import annotations

import enum
import html as html_escaping
import math
from datetime import date, timedelta

KM_M = 1000.0
MILE_M = 1609.344  # the international mile, exactly
FOOT_M = 0.3048  # the international foot, exactly
HOUR_S = 3600.0
DASH = "\u2013"  # an en dash stands for a figure the activity does not have

Parts = tuple[str, str]  # a figure's number and its unit: ("12.35", "km")


class Units(enum.Enum):
    METRIC = "metric"
    IMPERIAL = "imperial"

    @classmethod
    def parse(cls, setting: str) -> Units:
        """The units a stored setting names ("metric" or "imperial")."""
        try:
            return cls(setting)
        except ValueError:
            raise ValueError(f"not a units setting: {setting!r} (metric or imperial)") from None

    @property
    def label(self) -> str:
        """As the settings page offers it."""
        if self is Units.IMPERIAL:
            return "Imperial (mi, ft, lb)"
        return "Metric (km, m, kg)"

    @property
    def distance_unit(self) -> tuple[str, float]:
        """The unit of distance and the metres in one."""
        return ("mi", MILE_M) if self is Units.IMPERIAL else ("km", KM_M)

    @property
    def elevation_unit(self) -> tuple[str, float]:
        """The unit of climb and the metres in one."""
        return ("ft", FOOT_M) if self is Units.IMPERIAL else ("m", 1.0)

    @property
    def pace_unit(self) -> tuple[str, float]:
        """A pace's unit and the metres it is per: seconds per metre times that is it."""
        return ("/mi", MILE_M) if self is Units.IMPERIAL else ("/km", KM_M)

    @property
    def speed_unit(self) -> tuple[str, float]:
        """The unit of speed and how many of it one metre per second is."""
        return ("mph", HOUR_S / MILE_M) if self is Units.IMPERIAL else ("km/h", HOUR_S / KM_M)

    @property
    def split_name(self) -> str:
        """What a split is a split of: "km" or "mile"."""
        return "mile" if self is Units.IMPERIAL else "km"


def distance_parts(metres: float | None, units: Units) -> Parts:
    if metres is None:
        return DASH, ""
    name, unit_m = units.distance_unit
    return f"{metres / unit_m:,.2f}", name


def elevation_parts(metres: float | None, units: Units) -> Parts:
    if metres is None:
        return DASH, ""
    name, unit_m = units.elevation_unit
    return f"{metres / unit_m:,.0f}", name


def duration_text(seconds: float | None) -> str:
    """1:02:03 for an hour or more, 42:10 below; rounded to the second."""
    if seconds is None or not math.isfinite(seconds):
        return DASH
    hours, rest = divmod(round(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def pace_parts(mps: float | None, units: Units) -> Parts:
    """Minutes and seconds per km or mile; none when standing still."""
    if not mps or mps <= 0 or not math.isfinite(mps):
        return DASH, ""
    name, unit_m = units.pace_unit
    return duration_text(unit_m / mps), name


def speed_parts(mps: float | None, units: Units) -> Parts:
    if mps is None or not math.isfinite(mps):
        return DASH, ""
    name, per_mps = units.speed_unit
    return f"{mps * per_mps:.1f}", name


def pace_or_speed_parts(mps: float | None, units: Units, *, pace: bool) -> Parts:
    """Pace for foot sports and swims, speed for the rest (activities.sports.shows_pace)."""
    return pace_parts(mps, units) if pace else speed_parts(mps, units)


def bpm_parts(value: float | None) -> Parts:
    return (DASH, "") if value is None else (f"{value:.0f}", "bpm")


def watts_parts(value: float | None) -> Parts:
    return (DASH, "") if value is None else (f"{value:.0f}", "W")


def text(parts: Parts) -> str:
    """A figure for a sentence: "12.35 km"."""
    number, unit = parts
    if not unit:
        return number
    return f"{number} {unit}"


def html(parts: Parts) -> str:
    """A figure for a page, escaped: the number, then its unit in a quiet <span>."""
    number, unit = (html_escaping.escape(part) for part in parts)
    if not unit:
        return number
    return f'{number}<span class="unit">{unit}</span>'


def day_text(day: date, today: date) -> str:
    """ "today", "yesterday", "Tue 14 May"; the year only when it is not this one."""
    if day == today:
        return "today"
    if day == today - timedelta(days=1):
        return "yesterday"
    label = f"{day:%a} {day.day} {day:%b}"
    return label if day.year == today.year else f"{label} {day.year}"

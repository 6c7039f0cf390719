"""Figures in the viewer's units, at the precision a person uses: 12.34 km, 1:02:03,
4:56 /km, 285 m. Pace for foot sports, speed for the rest.

Each filter takes the viewer's units setting ("metric" or "imperial") as its argument
and renders the number with its unit in a quiet <span>; the plain functions beside
them give text for summaries and charts.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from saathi.activities.sports import group_of

register = template.Library()

KM_M = 1000.0
MILE_M = 1609.344
FOOT_M = 0.3048
DASH = "\u2013"  # an en dash stands for a figure the activity does not have


def imperial(units: str) -> bool:
    return units == "imperial"


def distance_parts(metres: float | None, units: str) -> tuple[str, str]:
    if metres is None:
        return DASH, ""
    unit_m, name = (MILE_M, "mi") if imperial(units) else (KM_M, "km")
    return f"{metres / unit_m:,.2f}", name


def elevation_parts(metres: float | None, units: str) -> tuple[str, str]:
    if metres is None:
        return DASH, ""
    if imperial(units):
        return f"{metres / FOOT_M:,.0f}", "ft"
    return f"{metres:,.0f}", "m"


def duration_text(seconds: float | None) -> str:
    """1:02:03 for an hour or more, 42:10 below; rounded to the second."""
    if seconds is None or not math.isfinite(seconds):
        return DASH
    hours, rest = divmod(round(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def pace_parts(mps: float | None, units: str) -> tuple[str, str]:
    """Minutes and seconds per km or mile; none when standing still."""
    if not mps or mps <= 0 or not math.isfinite(mps):
        return DASH, ""
    unit_m, name = (MILE_M, "/mi") if imperial(units) else (KM_M, "/km")
    return duration_text(unit_m / mps), name


def speed_parts(mps: float | None, units: str) -> tuple[str, str]:
    if mps is None or not math.isfinite(mps):
        return DASH, ""
    if imperial(units):
        return f"{mps * 3600 / MILE_M:.1f}", "mph"
    return f"{mps * 3.6:.1f}", "km/h"


def shows_pace(sport: str) -> bool:
    return group_of(sport) in {"foot", "swim"}


def pace_or_speed_parts(mps: float | None, sport: str, units: str) -> tuple[str, str]:
    return pace_parts(mps, units) if shows_pace(sport) else speed_parts(mps, units)


def text(parts: tuple[str, str]) -> str:
    number, unit = parts
    if not unit:
        return number
    return f"{number} {unit}"


def _html(parts: tuple[str, str]) -> SafeString:
    number, unit = parts
    if not unit:
        return format_html("{}", number)
    return format_html('{}<span class="unit">{}</span>', number, unit)


@register.filter
def distance(metres: float | None, units: str) -> SafeString:
    return _html(distance_parts(metres, units))


@register.filter
def elevation(metres: float | None, units: str) -> SafeString:
    return _html(elevation_parts(metres, units))


@register.filter
def duration(seconds: float | None) -> str:
    return duration_text(seconds)


@register.filter
def pace(mps: float | None, units: str) -> SafeString:
    return _html(pace_parts(mps, units))


@register.filter
def speed(mps: float | None, units: str) -> SafeString:
    return _html(speed_parts(mps, units))


@register.filter
def pace_for_km(seconds_per_km: float | None, units: str) -> SafeString:
    """A split's pace, stored in seconds per km, per the viewer's unit."""
    if not seconds_per_km:
        return _html((DASH, ""))
    return _html(pace_parts(KM_M / seconds_per_km, units))


@register.simple_tag
def pace_or_speed(mps: float | None, sport: str, units: str) -> SafeString:
    return _html(pace_or_speed_parts(mps, sport, units))


@register.filter
def bpm(value: float | None) -> SafeString:
    return _html((DASH, "") if value is None else (f"{value:.0f}", "bpm"))


@register.filter
def watts(value: float | None) -> SafeString:
    return _html((DASH, "") if value is None else (f"{value:.0f}", "W"))


def day_text(day: date, today: date) -> str:
    """ "today", "yesterday", "Tue 14 May"; the year only when it is not this one."""
    if day == today:
        return "today"
    if day == today - timedelta(days=1):
        return "yesterday"
    label = f"{day:%a} {day.day} {day:%b}"
    return label if day.year == today.year else f"{label} {day.year}"


@register.filter
def day(value: date, today: date) -> str:
    return day_text(value, today)


@register.filter
def uses_pace(sport: str) -> bool:
    return shows_pace(sport)

"""Figures in the viewer's units for templates: thin filters over saathi.units.

Each filter takes the viewer's `Units` (the view puts `user.unit_system` in the
context as `units`) and renders the number with its unit in a quiet <span>.
"""

from __future__ import annotations

from datetime import date

from django import template
from django.utils.safestring import SafeString, mark_safe

from saathi import units as u
from saathi.activities.sports import shows_pace

register = template.Library()


def _html(parts: u.Parts) -> SafeString:
    return mark_safe(u.html(parts))  # units.html escapes the number and the unit


def _units(value: object) -> u.Units:
    # A template is not type-checked: a setting's name passed in by mistake would
    # otherwise show every figure in metric without a word.
    if not isinstance(value, u.Units):
        raise TypeError(f"a units filter needs a Units, not {value!r}")
    return value


@register.filter
def distance(metres: float | None, units: u.Units) -> SafeString:
    return _html(u.distance_parts(metres, _units(units)))


@register.filter
def elevation(metres: float | None, units: u.Units) -> SafeString:
    return _html(u.elevation_parts(metres, _units(units)))


@register.filter
def duration(seconds: float | None) -> str:
    return u.duration_text(seconds)


@register.filter
def pace(mps: float | None, units: u.Units) -> SafeString:
    return _html(u.pace_parts(mps, _units(units)))


@register.filter
def speed(mps: float | None, units: u.Units) -> SafeString:
    return _html(u.speed_parts(mps, _units(units)))


@register.simple_tag
def pace_or_speed(mps: float | None, sport: str, units: u.Units) -> SafeString:
    return _html(u.pace_or_speed_parts(mps, _units(units), pace=shows_pace(sport)))


@register.filter
def bpm(value: float | None) -> SafeString:
    return _html(u.bpm_parts(value))


@register.filter
def watts(value: float | None) -> SafeString:
    return _html(u.watts_parts(value))


@register.filter
def day(value: date, today: date) -> str:
    return u.day_text(value, today)


@register.filter
def uses_pace(sport: str) -> bool:
    return shows_pace(sport)

"""Totals in words for the stats page and goals: hours of moving time, any measure."""

from __future__ import annotations

from typing import Any

from django import template

from saathi.progress.measures import amount_text, hours_minutes
from saathi.progress.stats import Selection

register = template.Library()


@register.filter
def hours(seconds: float | None) -> str:
    return hours_minutes(seconds)


@register.filter
def amount(value: float | None, measure_and_units: str) -> str:
    """`value|amount:"distance metric"`: a stored total as it is read."""
    measure, units = measure_and_units.split()
    return amount_text(value, measure, units)


@register.simple_tag
def query_with(selection: Selection, **changes: Any) -> str:
    """The selection's query string with one choice changed, for a picker's link."""
    return selection.query(**changes)

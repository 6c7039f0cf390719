"""Totals in words for the stats page and goals, the pickers' links, the calendar's rows."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from saathi.progress.heatmap import HeatDay
from saathi.progress.measures import amount_text, hours_minutes
from saathi.progress.stats import Selection
from saathi.units import Units

register = template.Library()


@register.filter
def hours(seconds: float | None) -> str:
    return hours_minutes(seconds)


@register.filter
def amount_tile(value: float | None, measure_in: tuple[str, Units]) -> SafeString:
    """`value|amount_tile:measure_in`, where the view made `measure_in` a measure and the
    viewer's units: a total for a tile, the number large, its unit small beside it."""
    measure, units = measure_in
    number, _, unit = amount_text(value, measure, units).partition(" ")
    return format_html('{}<span class="unit">{}</span>', number, unit)


@register.simple_tag
def query_with(selection: Selection, **changes: Any) -> str:
    """The selection's query string with one choice changed, for a picker's link."""
    return selection.query(**changes)


@register.simple_tag
def heat_cells(days: list[HeatDay | None], sport: str, today: date) -> SafeString:
    """One row of the year's calendar. Built here rather than in the template: a year is
    371 cells, and the template's tags and filters for each cost tens of milliseconds."""
    listing = reverse("activities:index")
    panel = reverse("progress:day", args=["0000-00-00"]).replace("0000-00-00/", "")
    narrowed = f"&sport={sport}" if sport else ""
    cells: list[str] = []
    for day in days:
        if day is None:
            cells.append("<td></td>")
            continue
        mark = " is-today" if day.date == today else ""
        if not day.activities:
            cells.append(
                format_html('<td><span class="heat l0{}" title="{}"></span></td>', mark, day.label)
            )
            continue
        iso = day.date.isoformat()
        cells.append(
            format_html(
                '<td><a class="heat l{}{}" href="{}?since={}&amp;until={}{}" hx-get="{}{}/{}"'
                ' hx-trigger="click, focus, mouseenter delay:250ms" data-day="{}"'
                ' title="{}"></a></td>',
                day.level,
                mark,
                listing,
                iso,
                iso,
                narrowed,
                panel,
                iso,
                f"?sport={sport}" if sport else "",
                iso,
                day.label,
            )
        )
    return mark_safe("".join(cells))  # each cell was escaped by format_html

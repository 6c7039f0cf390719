"""A person's profile, /people/<handle>/: who they are, what they are to the viewer, and
their year, latest activities and records as far as the viewer may see them.

Every figure comes from `Activity.objects.visible_to(viewer)`, so a stranger's totals are
the totals of what was shared with everyone, never of the whole year. The private figures
(birth year, sex, heart rates, email) are shown to the owner only. It gathers people,
activities and records, so it lives here, above them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef
from django.http import HttpResponse
from django.shortcuts import redirect, render

from saathi.accounts.handles import normalise_handle
from saathi.accounts.models import User
from saathi.accounts.requests import HtmxRequest
from saathi.activities.models import Activity, ActivityQuerySet
from saathi.activities.sports import Sport
from saathi.people.circles import signed_in
from saathi.people.directory import person_for, tie_of
from saathi.records.badges import figure, short_date
from saathi.records.measures import BY_KEY
from saathi.records.models import Record
from saathi.together.figures import between
from saathi.units import Units

RECENT = 5


@dataclass(frozen=True)
class ShownRecord:
    sport: Sport
    label: str
    value: str
    day: str
    activity: int


def year_totals(seen: ActivityQuerySet, year: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """This year's totals of what the viewer sees, all sports and per sport: one query."""
    per_sport = list(seen.filter(local_date__year=year).totals_per("year", by_sport=True))
    for row in per_sport:
        row["sport_label"] = Sport(row["sport"]).label
    overall = {
        key: sum(row[key] or 0 for row in per_sport)
        for key in ("count", "distance_m", "moving_s", "ascent_m")
    }
    return overall, per_sport


def records_seen(
    person: User, seen: ActivityQuerySet, units: Units, today: Any
) -> list[ShownRecord]:
    """`person`'s records today whose activity the viewer may see: one query.

    A record set by an activity she may not see is left out, not replaced by an older
    one the viewer can see: that one is no record.
    """
    rows = Record.objects.held_by(person).annotate(
        shown=Exists(seen.filter(pk=OuterRef("activity_id")))
    )
    latest: dict[tuple[str, str], Any] = {}
    for row in rows.values("sport", "measure", "value", "local_date", "activity_id", "shown"):
        latest[(row["sport"], row["measure"])] = row  # ordered oldest first, so the last wins
    return [
        ShownRecord(
            Sport(row["sport"]),
            BY_KEY[row["measure"]].label,
            figure(BY_KEY[row["measure"]], row["value"], units),
            short_date(row["local_date"], today),
            row["activity_id"],
        )
        for row in latest.values()
        if row["shown"] and row["measure"] in BY_KEY
    ]


def profile(request: HtmxRequest, handle: str) -> HttpResponse:
    if handle != normalise_handle(handle):
        return redirect("profile", handle=normalise_handle(handle), permanent=True)
    person = person_for(request.user, handle)
    viewer = signed_in(request.user)
    units = viewer.unit_system if viewer is not None else Units.METRIC
    today = person.today()
    seen = Activity.objects.visible_to(request.user).filter(owner=person)
    totals, per_sport = year_totals(seen, today.year)
    tie = tie_of(person, request.user)
    context = {
        "person": person,
        "tie": tie,
        "is_owner": viewer is not None and viewer.pk == person.pk,
        "units": units,
        "today": today,
        "totals": totals,
        "per_sport": per_sport,
        "recent": list(seen.order_by("-start_time")[:RECENT]),
        "records": records_seen(person, seen, units, today),
        # Between partners only, each seeing her own activities on their outings.
        "together": between(viewer, person) if viewer and tie and tie.partners else None,
    }
    return render(request, "profile/profile.html", context)

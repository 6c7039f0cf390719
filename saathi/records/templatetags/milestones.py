"""{% milestones activity badges %}: an activity's badges, as the activity page and the
list show them (`badges` is what badges.badges_for gave the view)."""

from __future__ import annotations

from typing import Any

from django import template

from saathi.activities.models import Activity
from saathi.records.badges import Badge

register = template.Library()

# A list row or a card has room for this many; a record-breaking run can set a dozen best
# efforts at once, and its own page lists them all.
COMPACT_LIMIT = 3


@register.inclusion_tag("records/partials/milestones.html")
def milestones(activity: Activity, badges: dict[int, list[Badge]], compact: bool = False) -> Any:
    found = badges.get(activity.pk, [])
    shown = found[:COMPACT_LIMIT] if compact else found
    return {"badges": shown, "more": len(found) - len(shown), "compact": compact}

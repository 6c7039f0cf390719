"""{% milestones activity badges %}: an activity's badges, as the activity page and the
list show them (`badges` is what badges.badges_for gave the view)."""

from __future__ import annotations

from typing import Any

from django import template

from saathi.activities.models import Activity
from saathi.records.badges import Badge

register = template.Library()


@register.inclusion_tag("records/partials/milestones.html")
def milestones(activity: Activity, badges: dict[int, list[Badge]], compact: bool = False) -> Any:
    return {"badges": badges.get(activity.pk, []), "compact": compact}

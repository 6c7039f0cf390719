"""Who else was on an activity's outing, as a viewer may know it: "with Meera and 1
other", for the activity page (saathi/pages/activity.py).

Only the people whose activity on the outing the viewer may see are named; the rest are
counted, as far as she may know they exist (`Activity.objects.known_to`: never an "only
me" activity, nor anyone a block parts her from).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.together.models import Membership


@dataclass(frozen=True)
class Companions:
    outing_id: int
    named: list[User] = field(default_factory=list)
    others: int = 0


def companions_for(activity: Activity, viewer: User | AnonymousUser | None) -> Companions | None:
    """The other people on `activity`'s outing; None when it is on none, or alone on
    it. Two queries."""
    membership = Membership.objects.filter(activity=activity).first()
    if membership is None:
        return None
    others = Activity.objects.filter(membership__outing=membership.outing_id).exclude(
        owner=activity.owner_id
    )
    seen = list(others.visible_to(viewer).select_related("owner").order_by("start_time", "pk"))
    people = list({a.owner_id: a.owner for a in seen}.values())
    # Counted by person (one may have two recordings).
    total = others.known_to(viewer).order_by().values("owner").distinct().count()
    if total == 0:
        return None
    return Companions(outing_id=membership.outing_id, named=people, others=total - len(people))

"""Asha's activities for the people pages' tests: one at each level, titled by its level."""

from __future__ import annotations

from saathi.accounts.models import User
from saathi.activities.manual import create_manual_activity
from saathi.activities.models import Activity, Visibility


def one_at_each_level(owner: User, distance_m: float = 10_000) -> dict[str, Activity]:
    """Today, a run at each level titled "Run for <level>", each `distance_m` long."""
    start = owner.local_now().replace(tzinfo=None, hour=0, minute=0, second=1)
    return {
        level: create_manual_activity(
            owner=owner,
            sport="run",
            start=start,
            duration_s=3600,
            distance_m=distance_m,
            title=f"Run for {level}",
            visibility=level,
            map_visibility=level,
        )
        for level in Visibility.values
    }

"""Where and when a recording was, stored for detection: its Footprint (the time span)
and its OutingTokens (map cell x five minutes, saathi/tracks/together.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np

from saathi.activities.models import Activity
from saathi.activities.sports import GROUPS, Sport
from saathi.together.models import Footprint, OutingToken
from saathi.tracks.together import tokens
from saathi.tracks.track import Track


def on_bike(activity: Activity) -> bool:
    return GROUPS[Sport(activity.sport)] == "ride"


def record(activity: Activity, track: Track) -> Footprint | None:
    """Store (or store again) the activity's footprint and tokens; None, storing
    nothing, for a recording with no timed positions (a treadmill, a pool)."""
    found = tokens(track)
    times = track.time[np.isfinite(track.time) & np.isfinite(track.lat) & np.isfinite(track.lon)]
    Footprint.objects.filter(activity=activity).delete()
    OutingToken.objects.filter(activity=activity).delete()
    if found.size == 0 or times.size < 2:
        return None
    footprint = Footprint.objects.create(
        activity=activity,
        owner_id=activity.owner_id,
        start=datetime.fromtimestamp(float(times.min()), UTC),
        end=datetime.fromtimestamp(float(times.max()), UTC),
        on_bike=on_bike(activity),
    )
    OutingToken.objects.bulk_create(
        [OutingToken(activity=activity, token=int(token)) for token in found], batch_size=1000
    )
    return footprint

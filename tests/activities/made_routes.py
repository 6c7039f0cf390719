"""Small GPX and TCX files made for a test: a route from a point, or none at all."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from saathi.accounts.models import User
from saathi.activities.imports import import_inline
from saathi.activities.models import Activity, JobState

HOME = (34.2000, 74.3400)  # Baramulla
START = datetime(2026, 4, 2, 6, 30, tzinfo=UTC)


def gpx_east(
    metres: float, *, step_m: float = 10.0, back: bool = False, name: str = "run"
) -> bytes:
    """A run due east from HOME for `metres` (and back home when `back`), 3 m/s."""
    out = [i * step_m for i in range(int(metres / step_m) + 1)]
    along = out + out[::-1][1:] if back else out
    per_degree = 111_195.0 * math.cos(math.radians(HOME[0]))
    points = "".join(
        f'<trkpt lat="{HOME[0]:.7f}" lon="{HOME[1] + east / per_degree:.7f}">'
        f"<time>{(START + timedelta(seconds=i * step_m / 3)).isoformat()}</time></trkpt>"
        for i, east in enumerate(along)
    )
    return (
        '<?xml version="1.0"?><gpx version="1.1" creator="test" '
        'xmlns="http://www.topografix.com/GPX/1/1"><trk><name>' + name + "</name>"
        "<type>running</type><trkseg>" + points + "</trkseg></trk></gpx>"
    ).encode()


def tcx_without_positions(minutes: int = 20) -> bytes:
    """A treadmill run: times and heart rate, no position at all."""
    points = "".join(
        f"<Trackpoint><Time>{(START + timedelta(seconds=s)).isoformat()}</Time>"
        f"<HeartRateBpm><Value>{120 + s % 30}</Value></HeartRateBpm></Trackpoint>"
        for s in range(0, minutes * 60, 5)
    )
    return (
        '<?xml version="1.0"?><TrainingCenterDatabase '
        'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
        '<Activities><Activity Sport="Running"><Id>' + START.isoformat() + "</Id>"
        '<Lap StartTime="' + START.isoformat() + '"><Track>' + points + "</Track></Lap>"
        "</Activity></Activities></TrainingCenterDatabase>"
    ).encode()


def imported_bytes(owner: User, name: str, data: bytes) -> Activity:
    [job] = import_inline(owner=owner, name=name, data=data)
    assert job.state == JobState.DONE, job.error
    assert job.activity is not None
    return job.activity

"""A history for the records tests: entries made the normal way, real GPX rides made on
the spot, and the stored records and milestones as plain sets."""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from saathi.accounts.models import User
from saathi.activities.imports import Upload, import_file
from saathi.activities.manual import create_manual_activity
from saathi.activities.models import Activity
from saathi.records.models import Milestone, Record

KOLKATA = ZoneInfo("Asia/Kolkata")


def local(text: str) -> datetime:
    """A wall-clock time in Kolkata, "2025-08-02 07:00"."""
    return datetime.fromisoformat(text).replace(tzinfo=KOLKATA)


def entry(
    owner: User,
    when: str,
    *,
    sport: str = "ride",
    km: float | None = None,
    minutes: float = 60,
    ascent: float | None = None,
    **extra: Any,
) -> Activity:
    """An activity entered by hand, through the same path as the page."""
    return create_manual_activity(
        owner=owner,
        sport=sport,
        start=local(when),
        duration_s=minutes * 60,
        distance_m=km * 1000 if km is not None else None,
        ascent_m=ascent,
        **extra,
    )


def gpx_ride(km: float, start: datetime, *, kind: str = "cycling", speed: float = 6.0) -> bytes:
    """A ride (or run) north from Baramulla at `speed` m/s, a point every 10 s: a real
    file to import."""
    points = []
    step_m, lat0, lon0 = speed * 10, 34.2, 74.34
    count = math.ceil(km * 1000 / step_m) + 1
    for i in range(count):
        lat = lat0 + i * step_m / 111_195.0
        moment = start.astimezone(ZoneInfo("UTC")) + timedelta(seconds=10 * i)
        points.append(
            f'<trkpt lat="{lat:.7f}" lon="{lon0}"><ele>{1590 - i * 0.05:.1f}</ele>'
            f"<time>{moment:%Y-%m-%dT%H:%M:%SZ}</time></trkpt>"
        )
    return (
        '<?xml version="1.0"?><gpx version="1.1" creator="test" '
        'xmlns="http://www.topografix.com/GPX/1/1"><trk><type>'
        f"{kind}</type><trkseg>{''.join(points)}</trkseg></trk></gpx>"
    ).encode()


def imported_ride(owner: User, km: float, when: str) -> Activity:
    data = gpx_ride(km, local(when))
    return import_file(owner=owner, upload=Upload(f"ride-{when}.gpx", data))


def imported_run(owner: User, km: float, when: str, *, speed: float) -> Activity:
    data = gpx_ride(km, local(when), kind="running", speed=speed)
    return import_file(owner=owner, upload=Upload(f"run-{when}.gpx", data))


def stored(owner: User) -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]]:
    """Every record step and every milestone of `owner`, as comparable tuples."""
    records = set(
        Record.objects.filter(owner=owner).values_list(
            "sport", "measure", "activity_id", "value", "start_time", "local_date"
        )
    )
    milestones = set(
        Milestone.objects.filter(owner=owner).values_list(
            "sport",
            "activity_id",
            "kind",
            "measure",
            "number",
            "value",
            "previous_activity_id",
            "previous_value",
            "previous_date",
        )
    )
    return records, milestones


def milestones_of(activity: Activity) -> dict[str, list[Milestone]]:
    found: dict[str, list[Milestone]] = {}
    for milestone in Milestone.objects.filter(activity=activity):
        found.setdefault(milestone.kind, []).append(milestone)
    return found

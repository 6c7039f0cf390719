"""A title for an activity: "Baramulla to Uri", "Loop around Uri", "Morning run".

Callers pass the *visible* start and end (after privacy trimming): a title built from
the true ends would name the street a privacy zone hides.
"""

from __future__ import annotations

import math
from datetime import datetime

import numpy as np

from saathi.tracks.geo import haversine_m
from saathi.tracks.places import DEFAULT_MAX_KM, Place, nearest_place

LatLon = tuple[float, float]

LOOP_M = 500.0  # start and end this close: the route came back to where it began

# FIT sport names as a person says them in "Morning run"; anything else is shown
# as its own words ("Morning rowing").
_SPORT_WORDS = {
    "running": "run",
    "trail_running": "trail run",
    "walking": "walk",
    "hiking": "hike",
    "cycling": "ride",
    "e_biking": "e-bike ride",
    "mountain_biking": "ride",
    "swimming": "swim",
    "open_water": "swim",
    "lap_swimming": "swim",
    "yoga": "yoga",
    "strength_training": "strength training",
    "training": "workout",
    "generic": "activity",
    "transition": "transition",
}


def part_of_day(local_start: datetime) -> str:
    hour = local_start.hour
    if 5 <= hour < 12:
        return "Morning"
    if 12 <= hour < 17:
        return "Afternoon"
    if 17 <= hour < 21:
        return "Evening"
    return "Night"


def sport_words(sport: str) -> str:
    return _SPORT_WORDS.get(sport, sport.replace("_", " "))


def _place(point: LatLon | None, max_km: float) -> Place | None:
    if point is None:
        return None
    return nearest_place(point[0], point[1], max_km=max_km)


def _close(start: LatLon | None, end: LatLon | None) -> bool:
    if start is None or end is None or not all(map(math.isfinite, (*start, *end))):
        return False
    distance = haversine_m(start[0], start[1], np.array([end[0]]), np.array([end[1]]))[0]
    return bool(distance <= LOOP_M)


def _same(a: Place, b: Place) -> bool:
    return (a.name, a.lat, a.lon) == (b.name, b.lat, b.lon)


def title_for(
    *,
    start: LatLon | None,
    end: LatLon | None,
    sport: str,
    local_start: datetime | None,
    max_km: float = DEFAULT_MAX_KM,
) -> str:
    """Name an activity after the places it joined, or after when it happened.

    `sport` is the FIT sport or sub-sport name ("running", "yoga"); pass the sub-sport
    when it says more than the sport ("yoga" rather than "training").
    """
    first, last = _place(start, max_km), _place(end, max_km)
    if first and (_close(start, end) or (last and _same(first, last))):
        return f"Loop around {first.name}"
    if first and last:
        return f"{first.name} to {last.name}"
    when = f"{part_of_day(local_start)} " if local_start else ""
    words = sport_words(sport)
    activity = f"{when}{words}" if when else words
    activity = activity[:1].upper() + activity[1:]
    if first:
        return f"{activity} from {first.name}"
    if last:
        return f"{activity} to {last.name}"
    return activity

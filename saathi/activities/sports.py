"""The sports a person picks from, and how a file's FIT sport names map onto them.

The track engine speaks the FIT profile's names ("cycling" + "mountain"); people speak
of a mountain bike ride. This is the one place the two meet.
"""

from __future__ import annotations

from typing import Literal

from django.db import models

Group = Literal["foot", "ride", "swim", "other"]


class Sport(models.TextChoices):
    RUN = "run", "Run"
    TRAIL_RUN = "trail_run", "Trail run"
    WALK = "walk", "Walk"
    HIKE = "hike", "Hike"
    RIDE = "ride", "Ride"
    MOUNTAIN_BIKE_RIDE = "mountain_bike_ride", "Mountain bike ride"
    EBIKE_RIDE = "ebike_ride", "E-bike ride"
    VIRTUAL_RIDE = "virtual_ride", "Virtual ride"
    POOL_SWIM = "pool_swim", "Pool swim"
    OPEN_WATER_SWIM = "open_water_swim", "Open water swim"
    YOGA = "yoga", "Yoga"
    STRENGTH = "strength", "Strength"
    OTHER = "other", "Other"


GROUPS: dict[Sport, Group] = {
    Sport.RUN: "foot",
    Sport.TRAIL_RUN: "foot",
    Sport.WALK: "foot",
    Sport.HIKE: "foot",
    Sport.RIDE: "ride",
    Sport.MOUNTAIN_BIKE_RIDE: "ride",
    Sport.EBIKE_RIDE: "ride",
    Sport.VIRTUAL_RIDE: "ride",
    Sport.POOL_SWIM: "swim",
    Sport.OPEN_WATER_SWIM: "swim",
    Sport.YOGA: "other",
    Sport.STRENGTH: "other",
    Sport.OTHER: "other",
}

# Done in place: a distance means nothing, so none is asked for or shown.
WITHOUT_DISTANCE = frozenset({Sport.YOGA, Sport.STRENGTH, Sport.OTHER})

# Each sport as the engine names it, for figures and titles of entries with no file
# (a manual yoga entry computes calories and reads "Morning yoga" like an imported one).
FIT_NAMES: dict[Sport, tuple[str, str]] = {
    Sport.RUN: ("running", "generic"),
    Sport.TRAIL_RUN: ("running", "trail"),
    Sport.WALK: ("walking", "generic"),
    Sport.HIKE: ("hiking", "generic"),
    Sport.RIDE: ("cycling", "generic"),
    Sport.MOUNTAIN_BIKE_RIDE: ("cycling", "mountain"),
    Sport.EBIKE_RIDE: ("e_biking", "generic"),
    Sport.VIRTUAL_RIDE: ("cycling", "virtual_activity"),
    Sport.POOL_SWIM: ("swimming", "lap_swimming"),
    Sport.OPEN_WATER_SWIM: ("swimming", "open_water"),
    Sport.YOGA: ("training", "yoga"),
    Sport.STRENGTH: ("training", "strength_training"),
    Sport.OTHER: ("generic", "generic"),
}

# A sub-sport refines its own sport only: "trail" under running is a trail run, and a
# run whose sub-sport says "virtual_activity" (a treadmill in Zwift) stays a run.
_BY_PAIR: dict[tuple[str, str], Sport] = {
    ("running", "trail"): Sport.TRAIL_RUN,
    ("cycling", "mountain"): Sport.MOUNTAIN_BIKE_RIDE,
    ("cycling", "downhill"): Sport.MOUNTAIN_BIKE_RIDE,
    ("cycling", "e_bike_fitness"): Sport.EBIKE_RIDE,
    ("cycling", "e_bike_mountain"): Sport.EBIKE_RIDE,
    ("cycling", "virtual_activity"): Sport.VIRTUAL_RIDE,
    ("cycling", "indoor_cycling"): Sport.VIRTUAL_RIDE,
    ("swimming", "lap_swimming"): Sport.POOL_SWIM,
    ("swimming", "open_water"): Sport.OPEN_WATER_SWIM,
}

# Sub-sports that say it all whatever the sport ("training" or "generic" + "yoga").
_BY_SUB_SPORT: dict[str, Sport] = {
    "yoga": Sport.YOGA,
    "strength_training": Sport.STRENGTH,
    "open_water": Sport.OPEN_WATER_SWIM,
    "lap_swimming": Sport.POOL_SWIM,
}

_BY_SPORT: dict[str, Sport] = {
    "running": Sport.RUN,
    "trail_running": Sport.TRAIL_RUN,
    "walking": Sport.WALK,
    "hiking": Sport.HIKE,
    "mountaineering": Sport.HIKE,
    "cycling": Sport.RIDE,
    "e_biking": Sport.EBIKE_RIDE,
    "e_mountain_bike": Sport.EBIKE_RIDE,
    "mountain_biking": Sport.MOUNTAIN_BIKE_RIDE,
    "swimming": Sport.POOL_SWIM,
    "open_water": Sport.OPEN_WATER_SWIM,
    "lap_swimming": Sport.POOL_SWIM,
    "yoga": Sport.YOGA,
    "strength_training": Sport.STRENGTH,
}


def sport_from_track(sport: str, sub_sport: str) -> Sport:
    """The Saathi sport for a file's FIT sport and sub-sport; Other when unknown.

    A swim with no sub-sport is taken as a pool swim: that is what watches record
    when nobody chose.
    """
    return (
        _BY_PAIR.get((sport, sub_sport))
        or _BY_SUB_SPORT.get(sub_sport)
        or _BY_SPORT.get(sport, Sport.OTHER)
    )


def sport_group(sport: str) -> Group:
    return GROUPS.get(Sport(sport), "other") if sport in Sport.values else "other"


def shows_pace(sport: str) -> bool:
    """Foot sports and swims are read as a pace (4:56 /km), the rest as a speed."""
    return sport_group(sport) in {"foot", "swim"}


def needs_distance(sport: str) -> bool:
    return sport not in WITHOUT_DISTANCE


# The sport as titles.title_for names it ("Morning trail run"): FIT names it knows the
# words for, or a name it reads out with spaces ("virtual_ride" -> "virtual ride").
TITLE_WORDS: dict[Sport, str] = {
    Sport.RUN: "running",
    Sport.TRAIL_RUN: "trail_running",
    Sport.WALK: "walking",
    Sport.HIKE: "hiking",
    Sport.RIDE: "cycling",
    Sport.MOUNTAIN_BIKE_RIDE: "mountain_bike_ride",
    Sport.EBIKE_RIDE: "e_biking",
    Sport.VIRTUAL_RIDE: "virtual_ride",
    Sport.POOL_SWIM: "swimming",
    Sport.OPEN_WATER_SWIM: "open_water",
    Sport.YOGA: "yoga",
    Sport.STRENGTH: "strength_training",
    Sport.OTHER: "generic",
}

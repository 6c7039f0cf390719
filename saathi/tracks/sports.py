"""Sport groups and the per-sport limits the figures depend on.

Sports use the FIT profile's names; GPX and TCX readers map their words onto them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Group = Literal["foot", "ride", "swim", "other"]

_FOOT = {"running", "walking", "hiking", "mountaineering", "snowshoeing", "trail_running"}
_RIDE = {"cycling", "e_biking", "e_mountain_bike", "mountain_biking", "cyclocross"}
_SWIM = {"swimming", "open_water", "lap_swimming"}
# Activities done in place: moving time is the timer time, never speed-based.
_IN_PLACE = {
    "training",
    "fitness_equipment",
    "yoga",
    "pilates",
    "strength_training",
    "breathing",
    "meditation",
    "cardio_training",
    "flexibility_training",
    "hiit",
}


@dataclass(frozen=True)
class Limits:
    """What the figures assume about one sport.

    `stopped_mps`: below this speed (over a few seconds) the athlete is stopped
    (ALGORITHMS.md: run/walk 0.9 m/s is Strava's 30 min/mile, hike 0.3, ride 1.0).
    `max_mps`: a step faster than this is a GPS jump, not movement.
    `effort_mps`: a best effort faster than this on average is a GPS artefact.
    """

    group: Group
    stopped_mps: float
    max_mps: float
    effort_mps: float
    in_place: bool = False


def fit_group(sport: str, sub_sport: str = "generic") -> Group:
    if sport in _FOOT or sub_sport in _FOOT:
        return "foot"
    if sport in _RIDE or sub_sport in _RIDE:
        return "ride"
    if sport in _SWIM or sub_sport in _SWIM:
        return "swim"
    return "other"


def limits_for(sport: str, sub_sport: str = "generic") -> Limits:
    group = fit_group(sport, sub_sport)
    if group == "foot":
        # Bolt peaked near 12.4 m/s; nobody holds more than ~10 m/s over 400 m.
        hiking = "hiking" in (sport, sub_sport) or "mountaineering" in (sport, sub_sport)
        return Limits(group, 0.3 if hiking else 0.9, 15.0, 10.5)
    if group == "ride":
        # Downhill mountain bikers pass 25 m/s; 40 still rejects jumps of hundreds of metres.
        return Limits(group, 1.0, 40.0, 40.0)
    if group == "swim":
        return Limits(group, 0.1, 4.0, 4.0)
    in_place = sport in _IN_PLACE or sub_sport in _IN_PLACE
    # Skiing, skating and anything motorised: only teleports are rejected.
    return Limits(group, 0.5, 100.0, 100.0, in_place=in_place)

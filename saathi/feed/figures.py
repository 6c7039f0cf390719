"""The figures a feed entry shows, as each sport cares about them: distance and pace on
foot, distance, speed and climb on a bike, distance and time in the water, time and
heart rate (or effort) on a mat. Three at most, so an entry reads at a glance."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe

from saathi import units as u
from saathi.activities.models import Activity
from saathi.activities.sports import Sport, sport_group

# Where the climb is the point of it, elevation gain takes the third place.
CLIMBS = frozenset({Sport.HIKE, Sport.TRAIL_RUN, Sport.MOUNTAIN_BIKE_RIDE})


@dataclass(frozen=True)
class Figure:
    label: str
    value: SafeString


def _html(parts: u.Parts) -> SafeString:
    return mark_safe(u.html(parts))  # units.html escapes the number and the unit


def figures_for(activity: Activity, units: u.Units) -> list[Figure]:
    group = sport_group(activity.sport)
    time = Figure("Time", _html((u.duration_text(activity.moving_s), "")))
    if group == "other":
        found = [time]
        if activity.avg_hr:
            found.append(Figure("Heart rate", _html(u.bpm_parts(activity.avg_hr))))
        elif activity.perceived_effort:
            found.append(Figure("Effort", _html((str(activity.perceived_effort), "/10"))))
        return found
    distance = Figure("Distance", _html(u.distance_parts(activity.distance_m, units)))
    climb = Figure("Elevation", _html(u.elevation_parts(activity.ascent_m, units)))
    if group == "swim":
        return [distance, time]
    if group == "ride":
        speed = Figure("Speed", _html(u.speed_parts(activity.avg_speed_mps, units)))
        return [distance, speed, climb] if activity.ascent_m else [distance, speed, time]
    pace = Figure("Pace", _html(u.pace_parts(activity.avg_speed_mps, units)))
    third = climb if activity.sport in CLIMBS and activity.ascent_m else time
    return [distance, pace, third]


def distance_words(metres: float | None, units: u.Units) -> str:
    """One decimal, for a sentence: "20.1 km"."""
    if not metres:
        return ""
    name, unit_m = units.distance_unit
    return f"{metres / unit_m:,.1f} {name}"

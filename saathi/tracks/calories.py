"""Calories: the device's figure when it has one, else MET * kg * hours."""

from __future__ import annotations

# 2024 Compendium of Physical Activities, as ALGORITHMS.md quotes it: running 6 mph 9.3,
# cycling general 7.0, hatha yoga 2.3. Walking and everything else get 3.5, moderate
# walking in the 2011 edition: a placeholder until each sport has its own row.
MET = {
    "running": 9.3,
    "cycling": 7.0,
    "yoga": 2.3,
    "walking": 3.5,
}
MET_OTHER = 3.5
# When the athlete's weight is unknown: a round adult figure.
DEFAULT_WEIGHT_KG = 70.0


def met_for(sport: str, sub_sport: str) -> float:
    return MET.get(sub_sport, MET.get(sport, MET_OTHER))


def calories(
    *,
    device: float | None,
    sport: str,
    sub_sport: str,
    moving_s: float | None,
    weight_kg: float | None,
) -> float | None:
    if device is not None:
        return device
    if moving_s is None:
        return None
    weight = weight_kg if weight_kg else DEFAULT_WEIGHT_KG
    return met_for(sport, sub_sport) * weight * moving_s / 3600

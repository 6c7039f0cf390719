"""A file's FIT sport and sub-sport become the sport a person would name."""

from __future__ import annotations

import pytest

from saathi.activities.sports import FIT_NAMES, Sport, needs_distance, sport_from_track


@pytest.mark.parametrize(
    ("sport", "sub_sport", "expected"),
    [
        ("running", "generic", Sport.RUN),
        ("running", "trail", Sport.TRAIL_RUN),
        ("running", "treadmill", Sport.RUN),
        ("running", "virtual_activity", Sport.RUN),
        ("walking", "generic", Sport.WALK),
        ("hiking", "generic", Sport.HIKE),
        ("cycling", "generic", Sport.RIDE),
        ("cycling", "road", Sport.RIDE),
        ("cycling", "mountain", Sport.MOUNTAIN_BIKE_RIDE),
        ("cycling", "downhill", Sport.MOUNTAIN_BIKE_RIDE),
        ("cycling", "e_bike_fitness", Sport.EBIKE_RIDE),
        ("cycling", "e_bike_mountain", Sport.EBIKE_RIDE),
        ("e_biking", "generic", Sport.EBIKE_RIDE),
        ("cycling", "virtual_activity", Sport.VIRTUAL_RIDE),
        ("cycling", "indoor_cycling", Sport.VIRTUAL_RIDE),
        ("swimming", "lap_swimming", Sport.POOL_SWIM),
        ("swimming", "open_water", Sport.OPEN_WATER_SWIM),
        ("swimming", "generic", Sport.POOL_SWIM),
        ("training", "yoga", Sport.YOGA),
        ("training", "strength_training", Sport.STRENGTH),
        ("training", "generic", Sport.OTHER),
        ("cross_country_skiing", "generic", Sport.OTHER),
        ("generic", "generic", Sport.OTHER),
    ],
)
def test_a_fit_sport_and_sub_sport_map_to_a_saathi_sport(
    sport: str, sub_sport: str, expected: Sport
) -> None:
    assert sport_from_track(sport, sub_sport) == expected


@pytest.mark.parametrize("sport", list(Sport))
def test_every_sport_maps_back_to_itself_through_its_fit_names(sport: Sport) -> None:
    assert sport_from_track(*FIT_NAMES[sport]) == sport


def test_yoga_strength_and_other_need_no_distance_and_the_rest_do() -> None:
    without = {sport for sport in Sport if not needs_distance(sport)}
    assert without == {Sport.YOGA, Sport.STRENGTH, Sport.OTHER}


def test_every_sport_has_a_human_label() -> None:
    assert Sport.MOUNTAIN_BIKE_RIDE.label == "Mountain bike ride"
    assert all(sport.label and "_" not in sport.label for sport in Sport)

"""Titles: the places an activity joined, else the time of day and the sport."""

from __future__ import annotations

from datetime import datetime

import pytest

from saathi.tracks.titles import title_for

BARAMULLA = (34.198, 74.364)
URI = (34.08, 74.05)
MID_ATLANTIC = (0.0, -30.0)


def test_a_point_to_point_route_is_named_after_both_towns() -> None:
    title = title_for(start=BARAMULLA, end=URI, sport="cycling", local_start=None)
    assert title == "Baramulla to Uri"


def test_a_route_that_ends_where_it_began_is_a_loop() -> None:
    back_home = (URI[0] + 0.002, URI[1] + 0.002)  # about 290 m away
    assert title_for(start=URI, end=back_home, sport="running", local_start=None) == (
        "Loop around Uri"
    )


def test_a_route_whose_ends_share_a_nearest_town_is_a_loop() -> None:
    # 3 km apart, both nearest to Uri.
    title = title_for(start=URI, end=(34.1, 74.02), sport="running", local_start=None)
    assert title == "Loop around Uri"


@pytest.mark.parametrize(
    ("hour", "sport", "title"),
    [
        (5, "running", "Morning run"),
        (11, "running", "Morning run"),
        (12, "cycling", "Afternoon ride"),
        (16, "yoga", "Afternoon yoga"),
        (17, "walking", "Evening walk"),
        (20, "hiking", "Evening hike"),
        (21, "running", "Night run"),
        (4, "swimming", "Night swim"),
    ],
)
def test_without_places_it_says_when_and_what(hour: int, sport: str, title: str) -> None:
    local_start = datetime(2024, 5, 1, hour, 30)
    assert title_for(start=None, end=None, sport=sport, local_start=local_start) == title


def test_far_from_any_town_it_falls_back_to_time_and_sport() -> None:
    title = title_for(
        start=MID_ATLANTIC,
        end=(0.1, -30.1),
        sport="cycling",
        local_start=datetime(2024, 5, 1, 18, 0),
    )
    assert title == "Evening ride"


def test_with_neither_place_nor_time_it_names_the_sport() -> None:
    assert title_for(start=None, end=None, sport="rowing", local_start=None) == "Rowing"

"""Map cell x time slot tokens: what a companion's recording shares with a new one, and
what a recording elsewhere or another day does not."""

from __future__ import annotations

import numpy as np

from saathi.tracks.together import (
    CELL_DEG,
    METRES_PER_DEGREE,
    SLOT_S,
    probe_tokens,
    tokens,
)
from tests.tracks.outing_cases import DAY, ELSEWHERE, LAT0, LOOP, RUN, T0, person
from tests.tracks.synthetic import make


def shared(a: np.ndarray, b: np.ndarray) -> int:
    return int(np.intersect1d(a, b).size)


def test_a_companion_shares_tokens_in_most_slots() -> None:
    her = person(LOOP, start=T0, speed=RUN, seed=1)
    him = person(LOOP, start=T0, speed=RUN, offset_m=(40, 30), every=5, seed=2)
    slots = np.unique(tokens(him) >> 31)
    common = np.unique(np.intersect1d(probe_tokens(her), tokens(him)) >> 31)
    assert common.size >= 0.9 * slots.size


def test_two_people_either_side_of_a_cell_edge_share_a_token() -> None:
    # A row edge: 30 m south and 30 m north of it, at the same seconds.
    edge = (np.ceil((LAT0 + 90) / CELL_DEG) * CELL_DEG) - 90
    time = T0 + np.arange(120.0)
    south = make(
        120, time=time, lat=np.full(120, edge - 30 / METRES_PER_DEGREE), lon=np.full(120, 74.8)
    )
    north = make(
        120, time=time, lat=np.full(120, edge + 30 / METRES_PER_DEGREE), lon=np.full(120, 74.8)
    )
    assert shared(tokens(south), tokens(north)) == 0  # different cells
    assert shared(probe_tokens(south), tokens(north)) > 0
    assert shared(probe_tokens(north), tokens(south)) > 0


def test_the_same_place_another_day_or_3_km_away_shares_nothing() -> None:
    her = person(LOOP, start=T0, speed=RUN)
    assert shared(probe_tokens(her), tokens(person(LOOP, start=T0 + DAY, speed=RUN))) == 0
    assert shared(probe_tokens(her), tokens(person(ELSEWHERE, start=T0, speed=RUN))) == 0


def test_an_hours_run_stores_a_few_dozen_tokens() -> None:
    run = person(LOOP, start=T0, speed=RUN, seconds=3600)
    assert 12 <= tokens(run).size <= 40
    assert tokens(run).size < tokens(run, slot_s=60).size
    assert SLOT_S == 300

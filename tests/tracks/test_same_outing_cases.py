"""The same-outing threshold, chosen on constructed pairs (tests/tracks/outing_cases.py):
at 30 % of the first one's elapsed time every pair that was out together is found and no
other is; at 50 % (Strava's help page today) a partner who joined for the last 40 % of a
run is lost."""

from __future__ import annotations

import pytest

from saathi.tracks.together import SAME_OUTING_SHARE, same_outing
from tests.tracks.outing_cases import CASES, LOOP, RUN, T0, Case, person, score


@pytest.fixture(scope="module")
def shares() -> dict[str, float]:
    return {case.name: case.share() for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_each_constructed_pair_is_judged_as_it_was(case: Case, shares: dict[str, float]) -> None:
    assert (shares[case.name] >= SAME_OUTING_SHARE) is case.together, shares[case.name]


def test_at_30_percent_nothing_is_matched_falsely_and_nothing_is_missed(
    shares: dict[str, float],
) -> None:
    found = score(shares, 0.30)
    assert (found.false_matches, found.missed) == (0, 0)
    assert (found.precision, found.recall) == (1.0, 1.0)


def test_at_50_percent_a_partner_who_joined_for_the_last_40_percent_is_missed(
    shares: dict[str, float],
) -> None:
    found = score(shares, 0.50)
    assert found.false_matches == 0
    assert found.missed == 1
    assert found.recall < 1.0


def test_the_share_is_of_the_first_ones_elapsed_time() -> None:
    # She runs the whole loop; he runs its second half with her: half of her time, all of his.
    her = person(LOOP, start=T0, speed=RUN, seed=1)
    him = person(LOOP, start=T0 + 2000, speed=RUN, from_m=6000, seed=2)
    assert same_outing(her, him, False) == pytest.approx(0.5, abs=0.02)
    assert same_outing(him, her, False) == pytest.approx(1.0, abs=0.02)


def test_recordings_without_positions_or_overlap_share_nothing() -> None:
    her = person(LOOP, start=T0, speed=RUN, seconds=600)
    one_point = person(LOOP, start=T0, speed=RUN, seconds=0)
    assert same_outing(her, one_point, False) == 0.0
    assert same_outing(her, person(LOOP, start=T0 + 601, speed=RUN), False) == 0.0

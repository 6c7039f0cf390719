"""A zone is drawn once around the point given: moved and resized at random, with the
point well inside; each activity draws its own 200-500 m hidden beyond the edge."""

from __future__ import annotations

import numpy as np
import pytest

from saathi.tracks.geo import haversine_m
from saathi.tracks.privacy import draw_trim, draw_zone

POINT = (34.2, 74.34)


def _offset(zone_lat: float, zone_lon: float) -> float:
    return float(haversine_m(POINT[0], POINT[1], np.array([zone_lat]), np.array([zone_lon]))[0])


@pytest.mark.parametrize("radius_m", [200.0, 500.0, 1600.0])
def test_the_circle_is_moved_off_the_point_and_keeps_it_well_inside(radius_m: float) -> None:
    rng = np.random.default_rng(7)
    for _ in range(500):
        zone = draw_zone(*POINT, radius_m, rng)
        offset = _offset(zone.lat, zone.lon)
        assert offset >= max(300.0, radius_m / 2) - 0.5
        # The point is at least three quarters of the asked radius inside the edge.
        assert zone.radius_m - offset >= 0.75 * radius_m - 0.5
        assert zone.radius_m <= offset + radius_m + 0.5


def test_the_circle_moves_in_every_direction() -> None:
    rng = np.random.default_rng(8)
    zones = [draw_zone(*POINT, 400.0, rng) for _ in range(400)]
    north = sum(z.lat > POINT[0] for z in zones)
    east = sum(z.lon > POINT[1] for z in zones)
    assert 150 < north < 250 and 150 < east < 250


def test_two_draws_for_the_same_point_differ() -> None:
    rng = np.random.default_rng()
    assert draw_zone(*POINT, 400.0, rng) != draw_zone(*POINT, 400.0, rng)


@pytest.mark.parametrize("radius_m", [199.0, 1601.0, 0.0])
def test_a_radius_outside_200_to_1600_m_is_refused(radius_m: float) -> None:
    with pytest.raises(ValueError, match="200-1600 m"):
        draw_zone(*POINT, radius_m, np.random.default_rng(1))


def test_each_trim_is_200_to_500_m_and_they_spread() -> None:
    rng = np.random.default_rng(9)
    trims = np.array([draw_trim(rng) for _ in range(2000)])
    assert trims.min() >= 200.0 and trims.max() <= 500.0
    assert trims.std() > 70.0  # spread over the range, not stuck at one length

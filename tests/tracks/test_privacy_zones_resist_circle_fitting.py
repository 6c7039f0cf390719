"""The attack on privacy zones (Hassan et al., USENIX Security 2018): collect the visible
ends of someone's activities and fit a circle to them, or just average them. Against a
fixed circle centred on the home, both find the home; against Saathi's zones (a circle
moved and resized at random once, and a random stretch hidden beyond it per activity),
both land far from it.

Thirty activities leave one home in thirty directions and come back by another road.
The seeds are fixed so a failure can be replayed, and there are several of them, with
two zone sizes, so that no lucky draw makes the test pass.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from saathi.tracks.privacy import Zone, draw_trim, draw_zone, visible_span
from saathi.tracks.track import FloatArray
from tests.tracks.privacy_routes import HOME, out_and_back, to_metres

ACTIVITIES = 30
SEEDS = range(12)


def kasa_fit(x: FloatArray, y: FloatArray) -> tuple[float, float, float]:
    """Least-squares circle (Kasa 1976): x² + y² + Dx + Ey + F = 0, solved linearly."""
    a = np.column_stack([x, y, np.ones_like(x)])
    (d, e, f), *_ = np.linalg.lstsq(a, -(x**2 + y**2), rcond=None)
    cx, cy = -d / 2, -e / 2
    return float(cx), float(cy), float(math.sqrt(cx**2 + cy**2 - f))


def visible_ends(
    rng: np.random.Generator, zone: Zone, *, hide_ends: bool, trimmed: bool
) -> tuple[FloatArray, FloatArray]:
    """East and north of the first and last visible point of each activity, metres."""
    ends: list[tuple[float, float]] = []
    for k in range(ACTIVITIES):
        bearing = 2 * math.pi * k / ACTIVITIES + rng.uniform(-0.05, 0.05)
        lat, lon = out_and_back(
            bearing, wiggle_m=25.0, rng=rng, back_bearing=bearing + rng.uniform(-0.2, 0.2)
        )
        east, north = to_metres(lat, lon)
        along = np.concatenate([[0.0], np.cumsum(np.hypot(np.diff(east), np.diff(north)))])
        start, end = (draw_trim(rng), draw_trim(rng)) if trimmed else (0.0, 0.0)
        span = visible_span(
            lat, lon, along, [zone], hide_ends=hide_ends, trim_start_m=start, trim_end_m=end
        )
        assert span is not None
        first, last = span
        ends += [(east[first], north[first]), (east[last], north[last])]
    points = np.array(ends)
    return points[:, 0], points[:, 1]


def centred_fixed_circle(radius_m: float) -> Zone:
    """What Strava did until 2018: a circle of the chosen radius around the address."""
    return Zone(HOME[0], HOME[1], radius_m)


@pytest.mark.parametrize("radius_m", [200.0, 400.0, 800.0])
@pytest.mark.parametrize("seed", SEEDS)
def test_a_circle_fit_of_the_visible_ends_lands_far_from_home(seed: int, radius_m: float) -> None:
    rng = np.random.default_rng(seed)
    zone = draw_zone(*HOME, radius_m, rng)
    x, y = visible_ends(rng, zone, hide_ends=True, trimmed=True)

    cx, cy, _ = kasa_fit(x, y)
    assert math.hypot(cx, cy) >= 100.0
    assert math.hypot(float(x.mean()), float(y.mean())) >= 100.0


@pytest.mark.parametrize("radius_m", [200.0, 400.0, 800.0])
@pytest.mark.parametrize("seed", SEEDS)
def test_the_same_fit_finds_a_home_behind_a_centred_fixed_circle(
    seed: int, radius_m: float
) -> None:
    rng = np.random.default_rng(seed)
    x, y = visible_ends(rng, centred_fixed_circle(radius_m), hide_ends=False, trimmed=False)

    cx, cy, fitted_radius = kasa_fit(x, y)
    assert math.hypot(cx, cy) <= 20.0
    assert math.hypot(float(x.mean()), float(y.mean())) <= 20.0
    assert fitted_radius == pytest.approx(radius_m, abs=20.0)  # and the radius chosen

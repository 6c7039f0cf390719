"""The written files read back through the engine with the distance and time intended."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest

from saathi.demo.chapters import HER, HIM, Person
from saathi.demo.load import demo_file
from saathi.demo.motion import Outing, record
from saathi.demo.routes import Route, atlas
from saathi.tracks.figures import compute
from saathi.tracks.read import read_track
from saathi.tracks.titles import title_for

START = datetime(2026, 11, 1, 2, 40, tzinfo=UTC)
ROUTES = {"hill run": ("bor_ghat_run", "running"), "holiday ride": ("holiday_ride", "cycling")}


def route_of(name: str) -> Route:
    attribute = getattr(atlas(), ROUTES[name][0])
    return attribute() if callable(attribute) else attribute


@pytest.mark.parametrize("person", [HIM, HER], ids=["fit", "gpx"])
@pytest.mark.parametrize("name", list(ROUTES))
def test_a_file_reads_back_with_the_route_distance_and_the_recorded_duration(
    person: Person, name: str
) -> None:
    route = route_of(name)
    samples = record(
        Outing(person.athlete, route, ROUTES[name][1], START, fitness=1.0, stops=2, seed=3)
    )
    file_name, data = demo_file(person, samples)
    track = read_track(data, name=file_name)
    totals = compute(track).totals

    assert track.sport == ROUTES[name][1]
    assert totals.distance_m == pytest.approx(route.length_m, rel=0.02)
    assert totals.elapsed_s == pytest.approx(samples.duration_s, abs=1)
    # Two stops of 40 s to 4 min: the engine sees them as not moving.
    assert 60 < samples.duration_s - (totals.moving_s or 0) < 600
    assert 100 < float(totals.avg_hr or 0) < person.athlete.max_hr
    assert np.nanmax(track.cadence) > 60
    rise = track.alt[-1] - track.alt[0]
    assert rise > 500 if name == "hill run" else rise < -250


def test_the_hill_run_is_20_km_with_a_long_climb() -> None:
    route = route_of("hill run")
    assert route.length_m == pytest.approx(20_000, rel=0.01)
    assert route.alt[-1] - route.alt[0] > 500


def test_the_holiday_ride_is_65_km_from_baramulla_to_uri_downhill() -> None:
    route = route_of("holiday ride")
    assert route.length_m == pytest.approx(65_000, rel=0.01)
    start, end = (route.lat[0], route.lon[0]), (route.lat[-1], route.lon[-1])
    assert title_for(start=start, end=end, sport="cycling", local_start=None) == (
        "Baramulla to Uri"
    )
    assert 1_550 < route.alt[0] < 1_620 and 1_270 < route.alt[-1] < 1_330

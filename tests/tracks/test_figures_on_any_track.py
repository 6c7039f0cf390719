"""compute() gives an answer, not an exception or a numpy warning, on any Track."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saathi.tracks.figures import compute
from saathi.tracks.track import Session, Track

from .synthetic import START, make, north, steady


@pytest.fixture(autouse=True)
def _numpy_warnings_are_errors():  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(divide="raise", over="raise", invalid="raise"):
            yield


def test_an_empty_track_has_no_figures() -> None:
    figures = compute(make(0))
    assert figures.totals.distance_m is None
    assert figures.totals.elapsed_s is None
    assert figures.splits_km == []


def test_a_single_point_has_no_distance_to_speak_of() -> None:
    figures = compute(make(1, time=[START], lat=[45.0], lon=[7.0], alt=[100.0]))
    assert figures.totals.distance_m == 0.0
    assert figures.totals.elapsed_s is None
    assert figures.totals.ascent_m is None


def test_all_nan_channels_give_no_figures() -> None:
    figures = compute(make(50))
    assert figures.totals.as_dict() == {key: None for key in figures.totals.as_dict()}


def test_samples_without_a_fix_keep_the_distance_of_the_last_fix() -> None:
    track = steady(600, 3.0)
    track.lat[100:200] = np.nan
    track.lon[100:200] = np.nan
    assert abs(compute(track).totals.distance_m - 1800.0) < 0.01


def test_an_indoor_trainer_without_position_or_distance_still_has_time() -> None:
    time = START + np.arange(601.0)
    figures = compute(make(601, sport="cycling", time=time, power=np.full(601, 180.0)))
    assert figures.totals.distance_m is None
    assert figures.totals.elapsed_s == 600.0
    assert figures.totals.avg_power == 180.0


def test_some_points_without_time_keep_their_distance() -> None:
    metres = np.arange(100) * 10.0
    time = START + np.arange(100.0)
    time[50:] = np.nan
    figures = compute(make(100, fmt="gpx", time=time, **north(metres)))
    assert abs(figures.totals.distance_m - 990.0) < 0.01
    assert figures.totals.elapsed_s == 49.0


def test_a_multisport_track_is_computed_whole_and_per_session() -> None:
    track = steady(1200, 5.0, sport="multisport")
    track.sessions = [
        Session("cycling", "generic", START, START + 600),
        Session("running", "generic", START + 601, START + 1200),
    ]
    whole = compute(track)
    run = compute(track.session_track(1))
    assert abs(whole.totals.distance_m - 6000.0) < 0.01
    assert abs(run.totals.distance_m - 5.0 * 599) < 0.01
    assert run.best_efforts["1k"] == 200.0


def test_a_long_track_is_computed_in_well_under_a_second() -> None:
    n = 100_000
    seconds = np.arange(n, dtype=np.float64)
    track: Track = steady(
        n - 1,
        3.0,
        alt=100 + 20 * np.sin(seconds / 600),
        heart_rate=140 + 10 * np.sin(seconds / 300),
        power=200 + 50 * np.sin(seconds / 60),
        cadence=np.full(n, 85.0),
        altitude_source="unknown",
    )
    figures = compute(track, hr_max=190, hr_rest=50)
    assert abs(figures.totals.distance_m - 3.0 * (n - 1)) < 0.1
    assert figures.power_curve[7200] > 0


@st.composite
def _tracks(draw: st.DrawFn) -> Track:
    n = draw(st.integers(0, 60))
    floats = st.one_of(st.just(np.nan), st.floats(-1e4, 1e4, allow_nan=False))

    def channel(low: float, high: float) -> np.ndarray:
        values = st.one_of(st.just(np.nan), st.floats(low, high, allow_nan=False))
        return np.array(draw(st.lists(values, min_size=n, max_size=n)), dtype=np.float64)

    time = START + np.array(draw(st.lists(floats, min_size=n, max_size=n)), dtype=np.float64)
    track = make(
        n,
        sport=draw(st.sampled_from(["running", "cycling", "hiking", "training", "generic"])),
        time=time,
        lat=channel(-89.0, 89.0),
        lon=channel(-180.0, 180.0),
        alt=channel(-100.0, 5000.0),
        distance=channel(0.0, 1e5),
        speed=channel(0.0, 50.0),
        heart_rate=channel(0.0, 220.0),
        cadence=channel(0.0, 200.0),
        power=channel(0.0, 2000.0),
    )
    if n > 2:
        track.breaks = sorted(set(draw(st.lists(st.integers(1, n - 1), max_size=3))))
    pause = st.tuples(st.floats(-1e4, 1e4), st.floats(0, 1e4))
    track.pauses = [(START + a, START + a + b) for a, b in draw(st.lists(pause, max_size=2))]
    return track


@settings(max_examples=100, deadline=None)
@given(_tracks())
def test_any_track_gives_figures_without_an_exception_or_a_warning(track: Track) -> None:
    figures = compute(track, hr_max=190, hr_rest=50, weight_kg=70, sex="female")
    for value in figures.totals.as_dict().values():
        assert value is None or np.isfinite(value)
    assert all(np.isfinite(s) for s in figures.best_efforts.values())
    assert all(np.isfinite(w) for w in figures.power_curve.values())

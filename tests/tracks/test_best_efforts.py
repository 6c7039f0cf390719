import numpy as np

from saathi.tracks.efforts import best_efforts
from saathi.tracks.figures import compute

from .synthetic import START, make, north, steady


def _run(speeds: np.ndarray, sport: str = "running"):  # type: ignore[no-untyped-def]
    metres = np.concatenate(([0.0], np.cumsum(speeds)))
    time = START + np.arange(metres.size, dtype=np.float64)
    return make(metres.size, sport=sport, time=time, **north(metres))


def test_a_fast_kilometre_inside_a_slow_run_is_found() -> None:
    # 1000 s at 3 m/s, 200 s at 5 m/s (1 km), 1000 s at 3 m/s
    speeds = np.concatenate((np.full(1000, 3.0), np.full(200, 5.0), np.full(1000, 3.0)))
    efforts = compute(_run(speeds)).best_efforts
    assert abs(efforts["1k"] - 200.0) < 1e-6
    assert abs(efforts["400m"] - 80.0) < 1e-6
    # 5 km: the fast kilometre plus 4 km at 3 m/s
    assert abs(efforts["5k"] - (200.0 + 4000 / 3)) < 1e-6
    assert "10k" not in efforts  # the run is 7 km


def test_best_efforts_run_on_elapsed_time_so_a_stop_counts() -> None:
    speeds = np.concatenate((np.full(200, 5.0), np.zeros(60), np.full(200, 5.0)))
    efforts = compute(_run(speeds)).best_efforts
    assert abs(efforts["1k"] - 200.0) < 1e-6  # the first 1 km, before the stop
    assert abs(efforts["1 mile"] - (1609.344 / 5 + 60)) < 1e-6


def test_an_effort_faster_than_a_human_is_rejected() -> None:
    time = START + np.arange(4, dtype=np.float64)
    distance = np.array([0.0, 400.0, 800.0, 1200.0])  # 400 m per second
    assert best_efforts(time, distance, 10.5) == {}


def test_rides_have_no_best_efforts() -> None:
    assert compute(steady(600, 8.0, sport="cycling")).best_efforts == {}


def test_standard_distances_are_covered_from_400_m_to_50_km() -> None:
    efforts = compute(_run(np.full(15000, 3.5))).best_efforts  # 52.5 km
    assert list(efforts) == [
        "400m", "1/2 mile", "1k", "1 mile", "2 mile", "5k", "10k", "15k", "10 mile",
        "20k", "half marathon", "30k", "marathon", "50k",
    ]  # fmt: skip
    assert abs(efforts["marathon"] - 42195 / 3.5) < 1e-6

import numpy as np

from saathi.tracks.figures import compute

from .synthetic import START, make, north, steady


def test_a_steady_run_has_equal_kilometre_splits_and_a_partial_last_one() -> None:
    figures = compute(steady(650, 4.0))  # 2600 m at 4 m/s
    km = figures.splits_km
    assert [s.index for s in km] == [1, 2, 3]
    assert [s.partial for s in km] == [False, False, True]
    assert [round(s.distance_m, 6) for s in km] == [1000.0, 1000.0, 600.0]
    assert [round(s.elapsed_s, 6) for s in km] == [250.0, 250.0, 150.0]
    assert all(abs(s.pace_s_per_km - 250.0) < 1e-6 for s in km)


def test_mile_splits_are_cut_at_1609_344_metres() -> None:
    figures = compute(steady(650, 4.0))
    first = figures.splits_mile[0]
    assert abs(first.elapsed_s - 1609.344 / 4) < 1e-6
    assert abs(figures.splits_mile[1].distance_m - (2600 - 1609.344)) < 1e-6


def test_a_split_knows_its_climb_and_its_heart_rate() -> None:
    seconds = np.arange(501, dtype=np.float64)
    alt = 100 + 0.02 * 4.0 * seconds  # a steady 2 % grade
    hr = np.where(seconds < 250, 120.0, 160.0)
    figures = compute(steady(500, 4.0, alt=alt, heart_rate=hr, altitude_source="barometric"))
    first, second = figures.splits_km
    assert abs(first.elevation_change_m - 20.0) < 0.5
    assert abs(first.avg_hr - 120.0) < 0.5
    assert abs(second.avg_hr - 160.0) < 0.5


def test_a_stop_inside_a_split_shows_in_elapsed_but_not_moving_time() -> None:
    speeds = np.concatenate((np.full(100, 4.0), np.zeros(60), np.full(150, 4.0)))
    metres = np.concatenate(([0.0], np.cumsum(speeds)))
    time = START + np.arange(metres.size, dtype=np.float64)
    split = compute(make(metres.size, time=time, **north(metres))).splits_km[0]
    assert abs(split.elapsed_s - 310.0) < 1e-6
    assert abs(split.moving_s - 250.0) <= 6


def test_a_route_without_times_has_no_splits() -> None:
    figures = compute(make(11, fmt="gpx", **north(np.arange(11) * 300.0)))
    assert figures.splits_km == []

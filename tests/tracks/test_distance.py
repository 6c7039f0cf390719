import numpy as np

from saathi.tracks.figures import compute
from saathi.tracks.geo import EARTH_RADIUS_M, haversine_m

from .synthetic import START, make, north, steady


def test_one_degree_of_latitude_is_the_mean_radius_times_pi_over_180() -> None:
    one = haversine_m(np.array([10.0]), np.array([20.0]), np.array([11.0]), np.array([20.0]))
    assert abs(one[0] - EARTH_RADIUS_M * np.pi / 180) < 1e-6


def test_a_degree_of_longitude_on_the_equator_is_as_long_as_one_of_latitude() -> None:
    east = haversine_m(np.array([0.0]), np.array([0.0]), np.array([0.0]), np.array([1.0]))
    assert abs(east[0] - 111_195.08) < 0.01


def test_it_measures_a_straight_line_to_the_centimetre() -> None:
    figures = compute(steady(1000, 5.0))
    assert abs(figures.totals.distance_m - 5000.0) < 0.01


def test_it_prefers_the_devices_distance_stream() -> None:
    track = steady(1000, 5.0)
    track.distance = np.linspace(0, 5100.0, len(track))  # the wheel says a little more
    assert compute(track).totals.distance_m == 5100.0


def test_it_falls_back_to_positions_when_the_device_distance_goes_backwards() -> None:
    track = steady(1000, 5.0)
    track.distance = np.linspace(0, 5100.0, len(track))
    track.distance[500] = 1000.0  # from ~2550 m: not a restart from zero, garbage
    assert abs(compute(track).totals.distance_m - 5000.0) < 0.01


def test_a_device_distance_restarting_from_zero_keeps_counting() -> None:
    # A multisport file: the count restarts at a new session.
    track = steady(1000, 5.0)
    track.distance = np.concatenate((np.linspace(0, 2000.0, 501), np.linspace(3.0, 1500.0, 500)))
    # 2000 m before the restart, then the new count reaches 1500 m
    assert abs(compute(track).totals.distance_m - 3500.0) < 1e-9


def test_it_drops_a_gps_spike_of_half_a_kilometre() -> None:
    track = steady(1000, 3.0)
    track.lat[400] += 500 / (EARTH_RADIUS_M * np.pi / 180)
    assert abs(compute(track).totals.distance_m - 3000.0) < 0.01


def test_it_drops_a_two_g_spike_even_below_the_speed_limit() -> None:
    track = steady(1000, 3.0)
    track.lat[400] += 30 / (EARTH_RADIUS_M * np.pi / 180)  # 30 m out and back in 2 s
    assert abs(compute(track).totals.distance_m - 3000.0) < 0.01


def test_it_never_bridges_a_segment_break() -> None:
    time = START + np.arange(200, dtype=np.float64)
    metres = 2.0 * np.arange(200)
    metres[100:] += 5000  # the second segment starts 5 km further on
    track = make(200, fmt="gpx", time=time, **north(metres), breaks=[100])
    assert abs(compute(track).totals.distance_m - 2.0 * 198) < 0.01


def test_it_does_not_count_distance_walked_while_the_timer_was_paused() -> None:
    time = START + np.arange(200, dtype=np.float64)
    time[100:] += 600
    metres = 3.0 * np.arange(200)
    metres[100:] += 800  # walked 800 m with the watch paused
    track = make(200, time=time, **north(metres), pauses=[(START + 99.5, START + 699.5)])
    assert abs(compute(track).totals.distance_m - 3.0 * 198) < 0.01


def test_it_integrates_the_devices_speed_on_an_indoor_trainer() -> None:
    time = START + np.arange(101, dtype=np.float64)
    track = make(101, sport="cycling", time=time, speed=np.full(101, 8.0))
    assert abs(compute(track).totals.distance_m - 800.0) < 1e-9


def test_a_route_without_times_still_has_a_distance() -> None:
    track = make(11, fmt="gpx", **north(np.arange(11) * 100.0))
    figures = compute(track)
    assert abs(figures.totals.distance_m - 1000.0) < 0.01
    assert figures.totals.elapsed_s is None

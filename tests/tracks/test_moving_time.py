import numpy as np

from saathi.tracks.figures import compute

from .synthetic import START, make, north


def _run_with_stop(stop_s: int, *, sport: str = "running", speed: float = 3.0):  # type: ignore[no-untyped-def]
    """600 s at `speed`, standing still for `stop_s`, 600 s more; one fix a second."""
    moving = np.concatenate((np.full(600, speed), np.zeros(stop_s), np.full(600, speed)))
    metres = np.concatenate(([0.0], np.cumsum(moving)))
    time = START + np.arange(metres.size, dtype=np.float64)
    return make(metres.size, sport=sport, time=time, **north(metres))


def test_a_two_minute_stop_is_not_moving_time() -> None:
    figures = compute(_run_with_stop(120))
    assert figures.totals.elapsed_s == 1320.0
    # The 6 s window blurs each edge of the stop by up to 3 s.
    assert abs(figures.totals.moving_s - 1200.0) <= 6


def test_a_stop_shorter_than_fifteen_seconds_stays_moving_time() -> None:
    figures = compute(_run_with_stop(10))
    assert figures.totals.moving_s == figures.totals.elapsed_s


def test_average_speed_is_distance_over_moving_time() -> None:
    figures = compute(_run_with_stop(300))
    totals = figures.totals
    assert totals.avg_speed_mps == totals.distance_m / totals.moving_s
    assert abs(totals.avg_speed_mps - 3.0) < 0.05


def test_a_slow_hike_is_moving_but_the_same_pace_on_a_run_is_not() -> None:
    hike = compute(_run_with_stop(0, sport="hiking", speed=0.5))
    run = compute(_run_with_stop(0, sport="running", speed=0.5))
    assert hike.totals.moving_s == 1200.0
    assert run.totals.moving_s == 0.0


def test_yoga_counts_every_second_of_the_timer() -> None:
    time = START + np.arange(1801, dtype=np.float64)
    track = make(1801, sport="training", time=time, sub_sport="yoga")
    assert compute(track).totals.moving_s == 1800.0


def test_max_speed_ignores_a_one_second_burst() -> None:
    speeds = np.full(600, 3.0)
    speeds[300] = 12.0  # one second at 12 m/s: 5 s window gives (4*3+12)/5
    metres = np.concatenate(([0.0], np.cumsum(speeds)))
    time = START + np.arange(metres.size, dtype=np.float64)
    figures = compute(make(metres.size, time=time, **north(metres)))
    assert abs(figures.totals.max_speed_mps - (4 * 3 + 12) / 5) < 1e-6

import numpy as np

from saathi.tracks.figures import compute

from .synthetic import START, make, north


def _ride(watts: np.ndarray, time: np.ndarray | None = None):  # type: ignore[no-untyped-def]
    time = START + np.arange(watts.size, dtype=np.float64) if time is None else time
    return make(watts.size, sport="cycling", time=time, power=watts, **north(8.0 * (time - START)))


def test_the_curve_holds_the_best_mean_for_each_duration() -> None:
    # 600 s at 200 W then 301 s at 300 W (901 samples, 900 s)
    watts = np.concatenate((np.full(600, 200.0), np.full(301, 300.0)))
    figures = compute(_ride(watts))
    curve = figures.power_curve
    assert curve[1] == 300.0
    assert curve[300] == 300.0
    # The last 600 one-second values: 301 at 300 W and 299 at 200 W
    assert abs(curve[600] - (301 * 300 + 299 * 200) / 600) < 1e-9
    assert 1200 not in curve
    assert abs(figures.totals.avg_power - (600 * 200 + 301 * 300) / 901) < 1e-9
    assert figures.totals.max_power == 300.0


def test_normalised_power_of_a_steady_effort_is_that_effort() -> None:
    figures = compute(_ride(np.full(1200, 250.0)))
    assert abs(figures.normalized_power - 250.0) < 1e-9


def test_normalised_power_weighs_surges_more_than_the_average() -> None:
    # 60 s at 400 W, 60 s at 100 W, repeated: average 250 W
    watts = np.tile(np.concatenate((np.full(60, 400.0), np.full(60, 100.0))), 10)
    figures = compute(_ride(watts))
    assert figures.normalized_power > figures.totals.avg_power + 20


def test_a_gap_in_the_recording_counts_as_zero_watts() -> None:
    time = START + np.concatenate((np.arange(100.0), 200 + np.arange(100.0)))
    figures = compute(_ride(np.full(200, 300.0), time))
    # 299 s on the 1 Hz grid, the 101 s silence between samples 99 and 100 at 0 W
    assert abs(figures.totals.avg_power - 300 * 199 / 300) < 1.0
    assert figures.power_curve[60] == 300.0


def test_a_ride_without_power_has_no_curve() -> None:
    figures = compute(_ride(np.full(100, np.nan)))
    assert figures.power_curve == {}
    assert figures.normalized_power is None
    assert figures.totals.avg_power is None

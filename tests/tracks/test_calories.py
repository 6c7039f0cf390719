import numpy as np

from saathi.tracks.figures import compute
from saathi.tracks.track import Totals

from .synthetic import START, make, steady


def test_the_devices_calories_win() -> None:
    track = steady(3600, 3.0)
    track.totals = Totals(calories=512.0)
    assert compute(track, weight_kg=90).totals.calories == 512.0


def test_an_hour_running_is_met_times_weight_times_hours() -> None:
    figures = compute(steady(3600, 3.0), weight_kg=60)
    assert abs(figures.totals.calories - 9.3 * 60 * 1.0) < 1e-9


def test_an_unknown_weight_counts_as_seventy_kilograms() -> None:
    figures = compute(steady(1800, 6.0, sport="cycling"))
    assert abs(figures.totals.calories - 7.0 * 70 * 0.5) < 1e-9


def test_an_hour_of_hatha_yoga_is_two_point_three_met() -> None:
    time = START + np.arange(3601.0)
    track = make(3601, sport="training", sub_sport="yoga", time=time)
    assert abs(compute(track, weight_kg=50).totals.calories - 2.3 * 50) < 1e-9

import numpy as np

from saathi.tracks.figures import compute
from saathi.tracks.track import Lap

from .synthetic import START, make, north, steady


def test_elapsed_time_is_last_minus_first_timestamp() -> None:
    figures = compute(steady(3600, 3.0))
    assert figures.totals.elapsed_s == 3600.0
    assert figures.totals.timer_s == 3600.0


def test_timer_time_leaves_out_the_devices_pauses() -> None:
    track = steady(3600, 3.0, pauses=[(START + 100, START + 400), (START + 1000, START + 1100)])
    assert compute(track).totals.timer_s == 3600.0 - 300 - 100


def test_a_pause_running_past_the_end_only_counts_up_to_the_last_sample() -> None:
    track = steady(600, 3.0, pauses=[(START + 500, START + 10_000)])
    assert compute(track).totals.timer_s == 500.0


def test_a_gap_between_gpx_segments_is_not_timer_time() -> None:
    time = START + np.concatenate((np.arange(100.0), 1000 + np.arange(100.0)))
    track = make(200, fmt="gpx", time=time, **north(np.arange(200) * 2.0), breaks=[100])
    figures = compute(track)
    assert figures.totals.elapsed_s == 1099.0
    assert figures.totals.timer_s == 1099.0 - (1000 - 99)


def test_a_gap_between_tcx_laps_is_not_timer_time() -> None:
    track = steady(1000, 3.0, fmt="tcx")
    track.laps = [Lap(START, START + 400), Lap(START + 700, START + 1000)]
    assert compute(track).totals.timer_s == 700.0


def test_timestamps_that_step_back_count_as_no_time_passing() -> None:
    track = steady(100, 3.0)
    track.time[50] -= 30
    assert compute(track).totals.elapsed_s == 100.0

import numpy as np

from saathi.tracks.figures import compute

from .synthetic import START, make, north


def _session(hr: np.ndarray, time: np.ndarray):  # type: ignore[no-untyped-def]
    return make(hr.size, time=time, heart_rate=hr, **north(3.0 * (time - START)))


def test_time_in_zones_is_weighted_by_time_not_by_samples() -> None:
    # 600 s at 130 bpm sampled every second, then 300 s at 171 bpm sampled every 5 s
    time = START + np.concatenate((np.arange(601.0), 600 + 5 * np.arange(1, 61.0)))
    hr = np.where(time - START <= 600, 130.0, 171.0)
    figures = compute(_session(hr, time), hr_max=190)
    zones = figures.hr_zones_s
    # 130/190 = 68 % -> zone 2; 171/190 = 90 % -> zone 5; the step between them
    # (5 s, mean 150.5 bpm = 79 %) -> zone 3.
    assert zones == [0.0, 600.0, 5.0, 0.0, 295.0]
    assert abs(figures.totals.avg_hr - (600 * 130 + 5 * 150.5 + 295 * 171) / 900) < 1e-9
    assert figures.totals.max_hr == 171.0


def test_there_are_no_zones_without_a_known_maximum() -> None:
    time = START + np.arange(100.0)
    figures = compute(_session(np.full(100, 140.0), time))
    assert figures.hr_zones_s is None
    assert figures.totals.avg_hr == 140.0


def test_trimp_follows_banisters_formula() -> None:
    time = START + np.arange(1801.0)  # 30 minutes
    figures = compute(_session(np.full(1801, 150.0), time), hr_max=190, hr_rest=50, sex="male")
    reserve = (150 - 50) / (190 - 50)
    assert abs(figures.trimp - 30 * reserve * 0.64 * np.exp(1.92 * reserve)) < 1e-9
    women = compute(_session(np.full(1801, 150.0), time), hr_max=190, hr_rest=50, sex="female")
    assert abs(women.trimp - 30 * reserve * 0.64 * np.exp(1.67 * reserve)) < 1e-9


def test_zero_beats_per_minute_is_a_missing_strap_not_a_heart_rate() -> None:
    time = START + np.arange(200.0)
    hr = np.where(np.arange(200) < 100, 0.0, 140.0)
    assert compute(_session(hr, time)).totals.avg_hr == 140.0

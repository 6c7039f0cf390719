import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from saathi.tracks.elevation import hysteresis
from saathi.tracks.figures import compute

from .synthetic import START, steady

RNG = np.random.default_rng(3)


def _staircase(seconds: int = 3000) -> np.ndarray:
    """Five 10 m climbs, each over 60 s, with 540 s flat after each: 50 m up."""
    t = np.arange(seconds + 1)
    phase = t % 600
    return 100 + 10 * (t // 600) + np.clip(phase / 60, 0, 1) * 10 - 10


def test_hysteresis_counts_a_swing_only_once_it_exceeds_the_band() -> None:
    series = np.array([0.0, 2.0, 1.0, 3.0, 0.5, 10.0, 9.0, 12.0])
    # Band 2.5: 0 -> 3 is a climb of 3, 3 -> 0.5 a drop of 2.5 (not more), so one
    # climb from 0 to 12.
    assert hysteresis(series, 2.5) == (12.0, 0.0)
    # Band 1.5: up 0 -> 3, down 3 -> 0.5, then 10 -> 9 is within the band: up to 12.
    assert hysteresis(series, 1.5) == (3.0 + 11.5, 2.5)


def test_a_barometric_staircase_with_noise_climbs_fifty_metres() -> None:
    alt = _staircase() + RNG.normal(0, 0.3, 3001)
    track = steady(3000, 3.0, alt=alt, altitude_source="barometric")
    figures = compute(track)
    assert abs(figures.totals.ascent_m - 50.0) < 2.0
    assert figures.totals.descent_m < 2.0
    assert figures.altitude_source == "barometric"
    assert figures.elevation_method == "1 Hz, 8 s mean, 3 m hysteresis"


def test_barometric_noise_on_the_flat_is_not_climbing() -> None:
    alt = 100 + np.round(RNG.normal(0, 0.3, 3001) / 0.2) * 0.2
    figures = compute(steady(3000, 3.0, alt=alt, altitude_source="barometric"))
    assert figures.totals.ascent_m < 1.0


def test_gps_altitude_noise_is_smoothed_harder() -> None:
    alt = _staircase() + RNG.normal(0, 3.0, 3001)
    figures = compute(steady(3000, 3.0, alt=alt, altitude_source="gps"))
    assert abs(figures.totals.ascent_m - 50.0) < 10.0
    naive = np.clip(np.diff(alt), 0, None).sum()
    assert naive > 1000  # what a plain sum of steps would have said


def test_an_unknown_source_is_judged_from_the_noise() -> None:
    quiet = compute(steady(3000, 3.0, alt=_staircase(), altitude_source="unknown"))
    noisy = _staircase() + RNG.normal(0, 3.0, 3001)
    loud = compute(steady(3000, 3.0, alt=noisy, altitude_source="unknown"))
    assert quiet.altitude_source == "barometric"
    assert loud.altitude_source == "gps"


def test_a_climb_while_the_timer_is_paused_is_not_counted() -> None:
    alt = np.where(np.arange(3001) < 1500, 100.0, 400.0)  # a cable car during the pause
    track = steady(3000, 3.0, alt=alt, pauses=[(START + 1400, START + 1600)])
    assert compute(track).totals.ascent_m < 1.0


def test_a_track_without_altitude_has_no_ascent() -> None:
    figures = compute(steady(100, 3.0))
    assert figures.totals.ascent_m is None
    assert figures.altitude_source == "none"


def test_a_barometer_settling_at_switch_on_is_not_a_climb() -> None:
    # Like the cross-country skiing TCX: 1257 m, 1913 m, 2032 m, ... then steady at 2257 m.
    alt = np.full(3001, 2257.0)
    alt[:8] = 2257.0 - 1000.0 * 0.5 ** np.arange(8)
    figures = compute(steady(3000, 3.0, alt=alt, altitude_source="barometric"))
    # Steps of 500, 250, ... 15.6 m in a second are dropped; the last two (7.8 m each,
    # below 10 m/s) stay: 15.625 m of a 1000 m artefact.
    assert abs(figures.totals.ascent_m - 15.625) < 0.01


def test_smooth_gps_altitude_from_a_watch_is_counted_like_a_barometers() -> None:
    # A watch filters its GPS altitude before writing it: as smooth as a barometer.
    figures = compute(steady(3000, 3.0, alt=_staircase(), altitude_source="gps"))
    assert figures.altitude_source == "gps"
    assert figures.elevation_method == "1 Hz, 8 s mean, 3 m hysteresis"
    assert abs(figures.totals.ascent_m - 50.0) < 0.5


def _plain_hysteresis(series: list[float], band: float) -> tuple[float, float]:
    """The same counting, sample by sample, with no pruning: the reference."""
    ascent = descent = 0.0
    low = high = base = peak = series[0]
    trend = 0
    for value in series[1:]:
        if trend == 0:
            low, high = min(low, value), max(high, value)
            if high - low > band:
                trend = 1 if value == high else -1
                base, peak = (low, high) if trend == 1 else (high, low)
        elif (value - peak) * trend > 0:
            peak = value
        elif abs(value - peak) > band:
            ascent += max(peak - base, 0.0)
            descent += max(base - peak, 0.0)
            base, peak, trend = peak, value, -trend
    if trend != 0:
        ascent += max(peak - base, 0.0)
        descent += max(base - peak, 0.0)
    return ascent, descent


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(-20, 20), min_size=1, max_size=200),
    st.sampled_from([0.5, 1.0, 3.0, 4.0]),
)
def test_pruning_small_swings_never_changes_the_count(steps: list[int], band: float) -> None:
    series = np.cumsum(np.array(steps, dtype=np.float64) / 2)
    got = hysteresis(series, band)
    want = _plain_hysteresis(series.tolist(), band)
    assert abs(got[0] - want[0]) < 1e-9
    assert abs(got[1] - want[1]) < 1e-9

"""LTTB keeps a chart's shape in at most the points asked for, and agrees with its peer."""

from __future__ import annotations

import lttb as peer
import numpy as np
import pytest

from saathi.tracks.downsample import lttb, lttb_many


def _walk(n: int, seed: int = 7) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return np.cumsum(rng.random(n) + 0.01), np.cumsum(rng.normal(size=n))


@pytest.mark.parametrize("n", [1001, 1002, 2500, 100_000])
def test_it_picks_the_same_points_as_the_lttb_package(n: int) -> None:
    x, y = _walk(n)
    index = lttb(x, y, 1000)
    assert np.array_equal(np.c_[x[index], y[index]], peer.downsample(np.c_[x, y], 1000))


def test_it_keeps_the_first_and_last_points_and_returns_exactly_the_threshold() -> None:
    x, y = _walk(5000)
    index = lttb(x, y, 300)
    assert index.size == 300
    assert index[0] == 0 and index[-1] == 4999
    assert (np.diff(index) > 0).all()


def test_a_lone_spike_survives_downsampling() -> None:
    # A flat line with one summit: striding by 100 would miss it, LTTB must not.
    x = np.arange(10_000, dtype=float)
    y = np.zeros(10_000)
    y[4321] = 50.0
    assert 4321 in lttb(x, y, 100)


def test_short_series_are_returned_whole() -> None:
    x, y = _walk(40)
    assert lttb(x, y, 1000).tolist() == list(range(40))


def test_gaps_are_never_chosen() -> None:
    x, y = _walk(3000)
    y[1000:1500] = np.nan
    x[10] = np.nan
    index = lttb(x, y, 500)
    assert np.isfinite(y[index]).all() and np.isfinite(x[index]).all()
    assert index.size == 500


def test_it_refuses_fewer_than_three_points() -> None:
    x, y = _walk(100)
    with pytest.raises(ValueError, match="at least 3"):
        lttb(x, y, 2)


def test_it_refuses_x_and_y_of_different_lengths() -> None:
    with pytest.raises(ValueError, match="differ in shape"):
        lttb(np.arange(5.0), np.arange(4.0), 3)


@pytest.mark.parametrize("n", [500, 1001, 20_000])
def test_several_series_at_once_pick_what_each_would_alone(n: int) -> None:
    x, _ = _walk(n)
    ys = np.stack([_walk(n, seed)[1] for seed in (1, 2, 3)])
    together = lttb_many(x, ys, 1000)
    assert together.shape == (3, min(n, 1000))
    for row, y in zip(together, ys, strict=True):
        assert np.array_equal(row, lttb(x, y, 1000))


def test_several_series_must_have_no_gaps() -> None:
    x, y = _walk(2000)
    y[5] = np.nan
    with pytest.raises(ValueError, match="finite"):
        lttb_many(x, np.stack([y, y]), 100)

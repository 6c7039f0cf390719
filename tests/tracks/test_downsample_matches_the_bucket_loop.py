"""LTTB solved in whole-array rounds picks exactly what the bucket-by-bucket loop picks,
ties included: whole beats, flat stretches and stops (x standing still) are where a
different order of arithmetic or of tie-breaking would show."""

from __future__ import annotations

import numpy as np
import pytest

from saathi.tracks import downsample
from saathi.tracks.downsample import lttb, lttb_many


def _loop(x: np.ndarray, y: np.ndarray, threshold: int) -> list[int]:
    """The textbook loop: one bucket at a time, against the point kept before it."""
    n = x.size
    cuts = np.array_split(np.arange(1, n - 1), threshold - 2)
    picks = [0]
    for i, bucket in enumerate(cuts):
        nxt = cuts[i + 1] if i + 1 < len(cuts) else np.array([n - 1])
        cx = np.add.reduceat(x[nxt], [0])[0] / nxt.size if i + 1 < len(cuts) else x[-1]
        cy = np.add.reduceat(y[nxt], [0])[0] / nxt.size if i + 1 < len(cuts) else y[-1]
        bx, by = x[bucket], y[bucket]
        ax, ay = x[picks[-1]], y[picks[-1]]
        area = np.abs(ax * (by - cy) + ay * (cx - bx) + (bx * cy - cx * by))
        picks.append(int(bucket[area.argmax()]))
    return [*picks, n - 1]


def _series(rng: np.random.Generator, n: int, kind: str) -> np.ndarray:
    if kind == "whole":
        return np.round(np.cumsum(rng.normal(size=n)))
    if kind == "flat":
        return np.zeros(n)
    if kind == "steps":
        return np.repeat(rng.integers(0, 3, size=n // 7 + 1), 7)[:n].astype(float)
    if kind == "two values":
        return rng.integers(140, 142, size=n).astype(float)
    return np.cumsum(rng.normal(size=n))


def _stops(rng: np.random.Generator, n: int) -> np.ndarray:
    # Kilometres along a ride that stands still half the time, to 0.1 m.
    moving = rng.random(n) < 0.5
    return np.round(np.cumsum(rng.random(n) * moving) / 100, 4)


KINDS = ["walk", "whole", "flat", "steps", "two values"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("n", "threshold"), [(1003, 1000), (5000, 300), (20_000, 1000)])
def test_one_series_picks_what_the_loop_picks(kind: str, n: int, threshold: int) -> None:
    rng = np.random.default_rng(n + threshold)
    x, y = _stops(rng, n), _series(rng, n, kind)
    # Ties must also be broken alike: the loop's tests cannot pass by chance on these.
    assert np.array_equal(lttb(x, y, threshold), _loop(x, y, threshold))


@pytest.mark.parametrize("block", [1, 50, 4096, downsample.BLOCK_VALUES])
def test_several_series_pick_what_the_loop_picks_whatever_the_block(
    block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small blocks cut the buckets into many runs: the point kept at the end of one
    # must carry into the next.
    monkeypatch.setattr(downsample, "BLOCK_VALUES", block)
    rng = np.random.default_rng(block)
    x = _stops(rng, 12_000)
    ys = np.stack([_series(rng, x.size, kind) for kind in KINDS])
    together = lttb_many(x, ys, 400)
    for row, y in zip(together, ys, strict=True):
        assert row.tolist() == _loop(x, y, 400)

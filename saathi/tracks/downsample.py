"""Fewer points for a chart that looks the same: Largest-Triangle-Three-Buckets.

Steinarsson (2013), "Downsampling Time Series for Visual Representation", ch. 4: the
first and last points are kept; the rest are split into equal buckets, and from each
the point is kept that makes the largest triangle with the point kept before it and
the average of the next bucket. Peaks survive, which striding or averaging would lose
(a sprint's top speed, a summit).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from saathi.tracks.track import FloatArray

IntArray = npt.NDArray[np.intp]


def lttb(x: FloatArray, y: FloatArray, threshold: int) -> IntArray:
    """Indices of at most `threshold` points of (x, y) to draw; x must be non-decreasing.

    Points where x or y is not finite are never chosen (a gap in a heart-rate strap's
    signal stays a gap). Every index is returned when there are no more than
    `threshold` finite points.
    """
    if x.shape != y.shape:
        raise ValueError(f"x and y differ in shape: {x.shape} and {y.shape}")
    if threshold < 3:
        raise ValueError(f"a line needs at least 3 points to keep its shape, not {threshold}")
    finite = np.flatnonzero(np.isfinite(x) & np.isfinite(y))
    if finite.size <= threshold:
        return finite
    chosen = _lttb(x[finite], y[finite], threshold)
    picked: IntArray = finite[chosen]
    return picked


def _lttb(x: FloatArray, y: FloatArray, threshold: int) -> IntArray:
    n = x.size
    # Buckets over the points between the first and the last, the first few one point
    # larger when they do not divide evenly (as numpy.array_split cuts them).
    buckets = threshold - 2
    quotient, remainder = divmod(n - 2, buckets)
    sizes = np.full(buckets, quotient, dtype=np.intp)
    sizes[:remainder] += 1
    edges = np.concatenate(([1], 1 + np.cumsum(sizes)))
    width = int(sizes.max())
    # Buckets as rows of a padded grid, so each step of the loop is whole-row arithmetic.
    rows = edges[:-1, None] + np.arange(width)[None, :]
    valid = np.arange(width)[None, :] < sizes[:, None]
    # Short rows are padded with their bucket's first point.
    rows = np.where(valid, rows, edges[:-1, None])
    bx, by = x[rows], y[rows]
    sums_x = np.add.reduceat(x[: edges[-1]], edges[:-1])
    sums_y = np.add.reduceat(y[: edges[-1]], edges[:-1])
    # The "next bucket" of the last bucket is the last point itself.
    cx = np.append(sums_x[1:] / sizes[1:], x[-1])
    cy = np.append(sums_y[1:] / sizes[1:], y[-1])
    # The doubled triangle area for a candidate b, given the kept point a and the next
    # bucket's average c, is |ax (by - cy) + ay (cx - bx) + (bx cy - cx by)|: the three
    # terms that do not depend on a are computed for every bucket at once.
    u = by - cy[:, None]
    v = cx[:, None] - bx
    w = bx * cy[:, None] - cx[:, None] * by
    out = np.empty(threshold, dtype=np.intp)
    out[0], out[-1] = 0, n - 1
    starts = edges[:-1].tolist()
    ax, ay = x[0], y[0]
    for i in range(buckets):
        # A padding copy ties with its original and argmax keeps the first: the column
        # is always a real point of the bucket.
        best = starts[i] + int(np.abs(ax * u[i] + ay * v[i] + w[i]).argmax())
        out[i + 1] = best
        ax, ay = x[best], y[best]
    return out


def lttb_many(x: FloatArray, ys: FloatArray, threshold: int) -> IntArray:
    """LTTB for several series over one x, all at once: row k of the result is what
    `lttb(x, ys[k], threshold)` picks. Every value must be finite.

    One pass of the bucket loop serves every series, so five charts of a long ride
    cost little more than one.
    """
    if ys.ndim != 2 or ys.shape[1] != x.size:
        raise ValueError(f"ys must be (series, {x.size}), not {ys.shape}")
    if threshold < 3:
        raise ValueError(f"a line needs at least 3 points to keep its shape, not {threshold}")
    if not (np.isfinite(x).all() and np.isfinite(ys).all()):
        raise ValueError("lttb_many takes finite values only; use lttb for series with gaps")
    if x.size <= threshold:
        return np.tile(np.arange(x.size, dtype=np.intp), (ys.shape[0], 1))
    return (
        np.stack([_lttb(x, y, threshold) for y in ys])
        if ys.shape[0] == 1
        else _many(x, ys, threshold)
    )


def _many(x: FloatArray, ys: FloatArray, threshold: int) -> IntArray:
    n, k = x.size, ys.shape[0]
    buckets = threshold - 2
    quotient, remainder = divmod(n - 2, buckets)
    sizes = np.full(buckets, quotient, dtype=np.intp)
    sizes[:remainder] += 1
    edges = np.concatenate(([1], 1 + np.cumsum(sizes)))
    width = int(sizes.max())
    rows = edges[:-1, None] + np.arange(width)[None, :]
    rows = np.where(np.arange(width)[None, :] < sizes[:, None], rows, edges[:-1, None])
    bx, by = x[rows], ys[:, rows]  # (buckets, width) and (k, buckets, width)
    cx = np.append(np.add.reduceat(x[: edges[-1]], edges[:-1])[1:] / sizes[1:], x[-1])
    sums_y = np.add.reduceat(ys[:, : edges[-1]], edges[:-1], axis=1)
    cy = np.concatenate((sums_y[:, 1:] / sizes[1:], ys[:, -1:]), axis=1)  # (k, buckets)
    # The same three terms as _lttb, per series: |ax u + ay v + w|.
    u = by - cy[:, :, None]
    v = np.broadcast_to(cx[:, None] - bx, u.shape)
    w = bx * cy[:, :, None] - cx[:, None] * by
    out = np.empty((k, threshold), dtype=np.intp)
    out[:, 0], out[:, -1] = 0, n - 1
    series = np.arange(k)
    ax, ay = np.full(k, x[0]), ys[:, 0].copy()
    for i in range(buckets):
        area = np.abs(ax[:, None] * u[:, i] + ay[:, None] * v[:, i] + w[:, i])
        best = edges[i] + area.argmax(axis=1)
        out[:, i + 1] = best
        ax, ay = x[best], ys[series, best]
    return out

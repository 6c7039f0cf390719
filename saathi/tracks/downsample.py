"""Fewer points for a chart that looks the same: Largest-Triangle-Three-Buckets.

Steinarsson (2013), "Downsampling Time Series for Visual Representation", ch. 4: the
first and last points are kept; the rest are split into equal buckets, and from each
the point is kept that makes the largest triangle with the point kept before it and
the average of the next bucket. Peaks survive, which striding or averaging would lose
(a sprint's top speed, a summit).

Each bucket's choice depends on the one before, so the textbook loop takes one Python
step per bucket. Here every bucket is first solved at once against a guess of the
point kept before it (the middle of the bucket before), and then again, all at once,
only where the point before turned out different from what was assumed, until nothing
changes: a handful of whole-array rounds instead of a thousand steps. When nothing
changes, every bucket's choice is the one made from the point truly kept before it, so
the picks are the loop's, point for point (the areas are computed with the same
operations in the same order, and ties go to the earlier point as argmax keeps the
first).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from saathi.tracks.track import FloatArray

IntArray = npt.NDArray[np.intp]

# Values per working array (512 KB): buckets are solved a block at a time, so that the
# four arrays stay in the processor's cache and come from the heap already mapped. Whole
# (series, buckets, width) arrays, 4 MB each for five series of 100,000 points, cost
# more in page faults than the arithmetic done in them (in chart_picks: 1<<17 faulted
# ~1,300 pages per call and took 12 ms; 1<<16 none, 10.5 ms; 1<<15 none, 12 ms).
BLOCK_VALUES = 1 << 16


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
    xs, ys = x[finite], y[finite]
    sizes, edges = _buckets(xs.size, threshold)
    sums_x = np.add.reduceat(xs[: edges[-1]], edges[:-1])
    sums_y = np.add.reduceat(ys[: edges[-1]], edges[:-1])
    # The "next bucket" of the last bucket is the last point itself.
    cx = np.append(sums_x[1:] / sizes[1:], xs[-1])
    cy = np.append(sums_y[1:] / sizes[1:], ys[-1])
    chosen = _solve(xs, ys[None, :], cx, cy[None, :], sizes, edges)[0]
    picked: IntArray = finite[chosen]
    return picked


def lttb_many(x: FloatArray, ys: FloatArray, threshold: int) -> IntArray:
    """LTTB for several series over one x, all at once: row k of the result is what
    `lttb(x, ys[k], threshold)` picks. Every value must be finite.

    The rounds serve every series together, so five charts of a long ride cost little
    more than one.
    """
    if ys.ndim != 2 or ys.shape[1] != x.size:
        raise ValueError(f"ys must be (series, {x.size}), not {ys.shape}")
    if threshold < 3:
        raise ValueError(f"a line needs at least 3 points to keep its shape, not {threshold}")
    if not (np.isfinite(x).all() and np.isfinite(ys).all()):
        raise ValueError("lttb_many takes finite values only; use lttb for series with gaps")
    if x.size <= threshold:
        return np.tile(np.arange(x.size, dtype=np.intp), (ys.shape[0], 1))
    if ys.shape[0] == 1:
        return lttb(x, ys[0], threshold)[None, :]
    sizes, edges = _buckets(x.size, threshold)
    cx = np.append(np.add.reduceat(x[: edges[-1]], edges[:-1])[1:] / sizes[1:], x[-1])
    sums_y = np.add.reduceat(ys[:, : edges[-1]], edges[:-1], axis=1)
    cy = np.concatenate((sums_y[:, 1:] / sizes[1:], ys[:, -1:]), axis=1)
    return _solve(x, ys, cx, cy, sizes, edges)


def _buckets(n: int, threshold: int) -> tuple[IntArray, IntArray]:
    """Bucket sizes and edges over the points between the first and the last, the first
    few one point larger when they do not divide evenly (as numpy.array_split cuts them)."""
    buckets = threshold - 2
    quotient, remainder = divmod(n - 2, buckets)
    sizes = np.full(buckets, quotient, dtype=np.intp)
    sizes[:remainder] += 1
    edges: IntArray = np.concatenate(([1], 1 + np.cumsum(sizes)))
    return sizes, edges


def _solve(
    x: FloatArray, ys: FloatArray, cx: FloatArray, cy: FloatArray, sizes: IntArray, edges: IntArray
) -> IntArray:
    """The picks of each series of ys (series, points) given the next buckets' averages
    (cx, and cy per series): (series, buckets + 2) indices."""
    series, n = ys.shape
    buckets = sizes.size
    width = int(sizes.max())
    out = np.empty((series, buckets + 2), dtype=np.intp)
    out[:, 0], out[:, -1] = 0, n - 1
    block = max(1, BLOCK_VALUES // (width * series))
    size = min(block, buckets) * series * width
    # Four working arrays, reused by every block.
    room = [np.empty(size) for _ in range(4)]
    kept = np.zeros(series, dtype=np.intp)  # the point kept before the block, per series
    for first in range(0, buckets, block):
        last = min(first + block, buckets)
        picks = _block(
            x,
            ys,
            cx[first:last],
            cy[:, first:last],
            edges[first:last],
            sizes[first:last],
            width,
            kept,
            room,
        )
        out[:, 1 + first : 1 + last] = picks
        kept = picks[:, -1]
    return out


def _block(
    x: FloatArray,
    ys: FloatArray,
    cx: FloatArray,
    cy: FloatArray,
    starts: IntArray,
    sizes: IntArray,
    width: int,
    kept: IntArray,
    room: list[FloatArray],
) -> IntArray:
    """The picks of consecutive buckets (starting at `starts`, of `sizes`), given the
    point kept before the first of them in each series (`kept`)."""
    series, n = ys.shape
    buckets = sizes.size
    rows = series * buckets
    # Bucket rows padded with copies of their last point: a copy ties with its
    # original and argmax keeps the first, so the column is always a real point.
    grid = starts[:, None] + np.minimum(np.arange(width), (sizes - 1)[:, None])
    bx = x[grid]
    # The doubled triangle area for a candidate b, given the kept point a and the next
    # bucket's average c, is |ax (by - cy) + ay (cx - bx) + (bx cy - cx by)|: the three
    # terms that do not depend on a, u v and w, are computed for every bucket at once.
    v = cx[:, None] - bx
    shape = (series, buckets, width)
    u, w, area, term = (a[: rows * width].reshape(shape) for a in room)
    for s in range(series):
        np.take(ys[s], grid, out=term[s])  # by
        np.subtract(term[s], cy[s][:, None], out=u[s])
        np.multiply(bx, cy[s][:, None], out=w[s])
        w[s] -= np.multiply(cx[:, None], term[s], out=term[s])
    # The first round: each bucket against the middle point of the bucket before (the
    # first against the point truly kept before the block).
    guess = starts + (sizes - 1) // 2
    before = np.empty((series, buckets), dtype=np.intp)
    before[:, 0] = kept
    before[:, 1:] = guess[:-1]
    ax = x[before][:, :, None]
    ay = np.take_along_axis(ys, before, axis=1)[:, :, None]
    np.multiply(u, ax, out=area)
    area += np.multiply(v, ay, out=term)
    area += w
    np.abs(area, out=area)
    column = area.reshape(rows, width).argmax(axis=1)
    # Rows are (series, bucket) flattened; a row's pick is its bucket's start + column.
    row_start = np.tile(starts, series)
    changed = np.flatnonzero(row_start + column != np.tile(guess, series))
    flat_u, flat_w = u.reshape(rows, width), w.reshape(rows, width)
    flat_area, flat_term = area.reshape(rows, width), term.reshape(rows, width)
    while True:
        # Solve again the buckets whose point before is not what they were solved with.
        # Every other bucket's pick follows from the current pick before it, so when
        # none is left, all are what the bucket-by-bucket loop would have picked.
        again = changed + 1
        again = again[again % buckets != 0]
        if not again.size:
            break
        k = again.size
        a = row_start[again - 1] + column[again - 1]
        y_of_a = ys.reshape(-1)[(again // buckets) * n + a]
        found, other = flat_area[:k], flat_term[:k]
        np.take(flat_u, again, axis=0, out=found)
        found *= x[a][:, None]
        np.take(v, again % buckets, axis=0, out=other)
        other *= y_of_a[:, None]
        found += other
        found += np.take(flat_w, again, axis=0, out=other)
        np.abs(found, out=found)
        new = found.argmax(axis=1)
        changed = again[new != column[again]]
        column[again] = new
    picks: IntArray = (row_start + column).reshape(series, buckets)
    return picks

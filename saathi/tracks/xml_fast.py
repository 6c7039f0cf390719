"""A fast path for the point columns of tidy GPX and TCX files, beside the lxml reader.

lxml building ten elements per point costs more than everything else in a read. So each
chunk (cut just after a point's end tag) is first read here with C-speed tools: regular
expressions find every value element, numpy places each value in its point and checks the
nesting, and the chunk goes on to lxml with each point hollowed out to `<trkpt\\n>\\n</trkpt>`
(its newlines kept, so every line number lxml reports stays true). lxml still reads the
structure (segments, laps, names) and still judges whether the document is well formed.

Value elements are matched by namespace URI, as the lxml reader does: through the prefixes
the root element binds. Anything unusual in a chunk (comments, CDATA, entities or character
references, a namespace declared below the root, unbalanced or nested points, a value that
is not a plain number, a value element twice in a point or at the wrong depth) sends that
chunk and every later one down the lxml path, which gives the same Track or the error with
its line.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat

import numpy as np
import numpy.typing as npt

from saathi.tracks.track import CHANNELS, FloatArray, TrackError
from saathi.tracks.xml import Column, combine, to_times

IntArray = npt.NDArray[np.int64]

_ROOT_TAG = re.compile(
    rb"""<([A-Za-z_][\w.\-]*)((?:\s+[\w:.\-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*>"""
)
_XMLNS = re.compile(rb"""xmlns(?::([\w.\-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# Chunks holding any of these among their points go to lxml: they change what the text
# means. ("<!" and "<?" are looked for among the tags.)
_UNUSUAL = (b"&",)
_NONE = np.zeros(0, dtype=np.int64)
# The bytes that may end a tag's name.
_FOLLOWS_NAME = np.zeros(256, dtype=bool)
_FOLLOWS_NAME[np.frombuffer(b" \t\r\n/>", dtype=np.uint8)] = True


@dataclass(frozen=True)
class _Leaf:
    channel: str
    names: tuple[bytes, ...]  # qualified names the file may write it with
    depth: int  # below the point element
    time: bool


class FastColumns:
    """Point columns read straight from the bytes, queued until lxml's points claim them."""

    def __init__(
        self, point: bytes, columns: Sequence[Column], prefixes: dict[str, str], core: str
    ):
        self._point = point
        self._core = core  # the prefix the reader's columns use for the root's namespace
        self._columns = list(columns)
        self._prefixes = prefixes  # the reader's XPath prefixes; the core one is added later
        self._leaves: list[_Leaf] | None = None
        self._attributes: list[str] = []  # lat and lon, read from the point's start tag
        self._lat_lon = re.compile(_start_tag(point, b"lat", b"lon"))
        self._lon_lat = re.compile(_start_tag(point, b"lon", b"lat"))
        self.active = True
        self.total = 0  # points read so far
        self._queue: list[dict[str, FloatArray]] = []
        self._bindings: set[tuple[bytes, bytes]] = set()

    def begin(self, head: bytes) -> int:
        """Read the root's namespace declarations; returns where the root tag ends (0 when
        the fast path is off for this file)."""
        found = re.search(rb"<(?![?!])", head)
        root = _ROOT_TAG.match(head, found.start()) if found else None
        if root is None or b":" in root.group(1) or b"&" in root.group(2):
            self.active = False
            return 0
        bound: dict[str, list[str]] = {}
        default: str | None = None
        for match in _XMLNS.finditer(root.group(2)):
            uri = (match.group(2) if match.group(2) is not None else match.group(3)).decode()
            if match.group(1) is None:
                default = uri
            else:
                bound.setdefault(uri, []).append(match.group(1).decode())
        self._bindings = {(p.encode(), u.encode()) for u, ps in bound.items() for p in ps}
        if default is not None:
            self._bindings.add((b"", default.encode()))
        if default is not None and default in bound:
            self.active = False  # core elements could be written either way
            return 0
        prefixes = dict(self._prefixes)
        if default:
            prefixes[self._core] = default
        self._leaves = []
        for column in self._columns:
            self._add(column, prefixes, bound, default, self._core)
        return root.end()

    def _add(
        self,
        column: Column,
        prefixes: dict[str, str],
        bound: dict[str, list[str]],
        default: str | None,
        core: str,
    ) -> None:
        assert self._leaves is not None
        declared = set(bound) | ({default} if default else set())
        if column.namespace is not None and column.namespace not in declared:
            return  # the lxml reader skips it too: the file does not declare it
        last = column.steps[-1]
        if last.startswith("@"):
            self._attributes.append(column.channel)
            return
        prefix, _, local = last.rpartition(":")
        if not default and prefix == core:
            prefix = ""
        uri = prefixes.get(prefix) if prefix else None
        names = [f"{p}:{local}" for p in bound.get(uri, [])] if uri else []
        if uri is None or uri == default:
            names.append(local)
        if not names:
            return
        encoded = tuple(n.encode() for n in names)
        self._leaves.append(
            _Leaf(column.channel, encoded, len(column.steps), column.channel == "time")
        )

    def take(self, chunk: bytes, start: int = 0) -> bytes:
        """The chunk with its points hollowed, their columns queued; or the chunk as it
        is, with the fast path off from here on."""
        if not self.active:
            return chunk
        try:
            hollow = self._read(chunk, start)
        except (_NotTidy, TrackError):
            hollow = None
        if hollow is None:
            self.active = False
            return chunk
        return hollow

    def _read(self, chunk: bytes, start: int) -> bytes | None:
        if self._leaves is None or b"<rtept" in chunk:
            return None
        point = self._point
        first = chunk.find(b"<" + point, start)
        last = chunk.rfind(b"</" + point, start)
        if first < 0 and last < 0:
            return chunk if self._harmless(chunk, start, _NONE, _NONE) else None
        stop = chunk.find(b">", last) + 1
        if first < 0 or last < first or stop <= 0 or chunk.find(b"&", first, stop) >= 0:
            return None
        region = np.frombuffer(chunk, dtype=np.uint8)[first:stop]
        tags = _Tags(region)
        starts, ends = tags.points(point)
        if not self._harmless(chunk, start, starts + first, ends + first):
            return None
        values = self._columns_of(chunk, first, stop, starts + first, ends + first, tags)
        self._queue.append(values)
        self.total += len(starts)
        return _hollow(chunk, first, stop, starts, ends, tags, len(point))

    def _harmless(self, chunk: bytes, start: int, starts: IntArray, ends: IntArray) -> bool:
        """Whether the namespaces declared below the root leave the points' names meaning
        what the root says: each binds a prefix as the root does, or its element ends
        before the next point (Polar writes `<Lap xmlns="...">` and `<LX xmlns="...">`)."""
        found = chunk.find(b"xmlns", start)
        while found >= 0:
            inside = int(np.searchsorted(starts, found, side="right")) - 1
            if inside >= 0 and found < ends[inside]:
                return False
            opening = chunk.rfind(b"<", 0, found)
            closing = chunk.find(b">", found)
            if opening < 0 or closing < 0:
                return False
            tag = chunk[opening:closing]
            declared = {
                (m.group(1) or b"", m.group(2) or m.group(3) or b"") for m in _XMLNS.finditer(tag)
            }
            if not declared <= self._bindings and not _ends_before_point(
                chunk, opening, closing, self._point
            ):
                return False
            found = chunk.find(b"xmlns", closing)
        return True

    def _columns_of(
        self,
        chunk: bytes,
        first: int,
        stop: int,
        starts: IntArray,
        ends: IntArray,
        tags: _Tags,
    ) -> dict[str, FloatArray]:
        assert self._leaves is not None
        n = len(starts)
        values: dict[str, FloatArray] = {}
        if self._attributes:
            values.update(self._positions(chunk, starts, n))
        for leaf in self._leaves:
            for name in leaf.names:
                exact, texts = tags.texts(name, chunk, first)
                if exact is None:
                    continue
                # Lap totals between tracks use some of the same names: not points' values.
                points = _owners(exact, starts, ends)
                inside = points >= 0
                if not bool(inside.all()):
                    exact, points = exact[inside], points[inside]
                    texts = [t for t, keep in zip(texts, inside, strict=True) if keep]
                if not tags.at_depth(exact - first, points, leaf.depth):
                    raise _NotTidy
                if leaf.time:
                    part = np.full(n, np.nan)
                    part[points] = to_times([t.decode() for t in texts], [])
                else:
                    part = _to_floats(texts, points, n)
                values[leaf.channel] = _merge(values.get(leaf.channel), part)
        return {c: values.get(c, np.full(n, np.nan)) for c in CHANNELS}

    def _positions(self, chunk: bytes, starts: IntArray, n: int) -> dict[str, FloatArray]:
        # One anchored match per point: far cheaper than searching the chunk for them.
        at = starts.tolist()
        found = [m for m in map(self._lat_lon.match, repeat(chunk), at) if m is not None]
        order = ("lat", "lon")
        if len(found) != n:
            found = [m for m in map(self._lon_lat.match, repeat(chunk), at) if m is not None]
            order = ("lon", "lat")
        if len(found) != n:
            raise _NotTidy  # other attributes, or a point without its position
        everywhere = np.arange(n)
        return {
            order[0]: _to_floats([m.group(2) for m in found], everywhere, n),
            order[1]: _to_floats([m.group(4) for m in found], everywhere, n),
        }

    def pop(self, n: int) -> dict[str, FloatArray]:
        """The columns of the next n points, in file order."""
        parts: dict[str, list[FloatArray]] = {c: [] for c in CHANNELS}
        left = n
        while left:
            head = self._queue[0]
            size = len(head["time"])
            take = min(size, left)
            for channel in CHANNELS:
                parts[channel].append(head[channel][:take])
            if take == size:
                self._queue.pop(0)
            else:
                self._queue[0] = {c: a[take:] for c, a in head.items()}
            left -= take
        return {c: np.concatenate(p) if len(p) > 1 else p[0].copy() for c, p in parts.items()}


def _start_tag(point: bytes, first: bytes, second: bytes) -> bytes:
    """A point's start tag with exactly these two attributes, values in groups 2 and 4."""
    value = rb"""\s*=\s*(["'])([^"'<>]*)\1"""
    later = rb"""\s*=\s*(["'])([^"'<>]*)\3"""
    return b"<" + point + rb"\s+" + first + value + rb"\s+" + second + later + rb"\s*>"


def _ends_before_point(chunk: bytes, opening: int, closing: int, point: bytes) -> bool:
    if chunk[closing - 1 : closing] == b"/":
        return True
    name = re.match(rb"<([\w:.\-]+)", chunk[opening:closing])
    if name is None:
        return False
    end = chunk.find(b"</" + name.group(1) + b">", closing)
    following = chunk.find(b"<" + point, closing)
    return end >= 0 and (following < 0 or end < following)


class _NotTidy(Exception):
    pass


class _Tags:
    """Every tag in a run of points, with its nesting depth (relative to the first)."""

    def __init__(self, region: npt.NDArray[np.uint8]):
        opens = np.flatnonzero(region == 60)
        closes = np.flatnonzero(region == 62)
        # A ">" in text or an attribute would misplace tags: such chunks go to lxml.
        if len(opens) != len(closes) or not len(opens):
            raise _NotTidy
        if not bool(np.all(opens < closes)) or not bool(np.all(closes[:-1] < opens[1:])):
            raise _NotTidy
        second = region[opens + 1]
        if bool(np.any((second == 33) | (second == 63))):
            raise _NotTidy  # a comment, CDATA or processing instruction: lxml's to read
        end_tag = second == 47
        self.empty = region[closes - 1] == 47
        step = np.where(end_tag, -1, np.where(self.empty, 0, 1))
        after = np.cumsum(step)
        # Depth before each tag; an end tag sits one deeper than what it closes.
        self.depth = after - step + np.where(end_tag, -1, 0)
        self.opens = opens
        self.closes = closes
        self.region = region
        # The eight bytes after each "<", as one number: a tag name is found by one compare.
        padded = np.concatenate([region, np.zeros(8, dtype=np.uint8)])
        windows: npt.NDArray[np.uint64] = np.ndarray(
            (len(region),), dtype="<u8", buffer=padded, strides=(1,)
        )
        self._keys = windows[opens + 1]
        self.point_depth = _NONE
        self.start_ends = _NONE

    def points(self, name: bytes) -> tuple[IntArray, IntArray]:
        """Where each point's start and end tags begin; not tidy unless they alternate,
        one start to one end, with the tags inside balanced."""
        named = self._starting(None, name)
        last = len(self.region) - 1
        follower = self.region[np.minimum(self.opens[named] + len(name) + 1, last)]
        named = named[_FOLLOWS_NAME[follower]]
        closing = self._starting(None, b"/" + name + b">")
        if len(named) != len(closing) or not len(named):
            raise _NotTidy
        if not bool(np.all(named < closing)) or not bool(np.all(closing[:-1] < named[1:])):
            raise _NotTidy
        if bool(np.any(self.empty[named])) or bool(
            np.any(self.depth[named] != self.depth[closing])
        ):
            raise _NotTidy  # an empty point, or one whose tags do not balance
        self.point_depth = self.depth[named]
        self.start_ends = self.closes[named]  # where each point's start tag ends
        return self.opens[named], self.opens[closing]

    def _starting(self, index: IntArray | None, literal: bytes) -> IntArray:
        """Those of the tags at `index` (into opens; None for all) whose text after "<"
        starts with `literal`: eight bytes at a time by key, the rest byte by byte."""
        head = literal[:8]
        mask = np.uint64(int.from_bytes(b"\xff" * len(head) + b"\0" * (8 - len(head)), "little"))
        key = np.uint64(int.from_bytes(head.ljust(8, b"\0"), "little"))
        if index is None:
            index = np.flatnonzero((self._keys & mask) == key)
        else:
            index = index[(self._keys[index] & mask) == key]
        last = len(self.region) - 1
        for k, byte in enumerate(literal[8:], start=9):
            index = index[self.region[np.minimum(self.opens[index] + k, last)] == byte]
        return index

    def texts(self, name: bytes, chunk: bytes, first: int) -> tuple[IntArray | None, list[bytes]]:
        """Where each `<name>` starts (in the chunk) and its text, when every tag of that
        name is `<name>text</name>`; (None, []) when there is none; not tidy otherwise
        (attributes, children, an empty tag: lxml's to read)."""
        if chunk.find(b"<" + name, first, first + len(self.region)) < 0:
            return None, []  # one search in C spares the key comparisons
        named = self._starting(None, name)
        if not len(named):
            return None, []
        last = len(self.region) - 1
        follower = self.region[np.minimum(self.opens[named] + len(name) + 1, last)]
        exact = named[follower == 62]
        if len(exact) != int(_FOLLOWS_NAME[follower].sum()) or exact[-1] + 1 >= len(self.opens):
            raise _NotTidy
        if len(self._starting(exact + 1, b"/" + name + b">")) != len(exact):
            raise _NotTidy
        begins = (self.opens[exact] + len(name) + 2 + first).tolist()
        stops = (self.opens[exact + 1] + first).tolist()
        return self.opens[exact] + first, [chunk[a:b] for a, b in zip(begins, stops, strict=True)]

    def at_depth(self, positions: IntArray, points: IntArray, depth: int) -> bool:
        """Whether each tag at `positions` lies `depth` levels below its point's tag."""
        index = np.searchsorted(self.opens, positions)
        return bool(np.all(self.depth[index] == self.point_depth[points] + depth))


def _owners(positions: IntArray, starts: IntArray, ends: IntArray) -> IntArray:
    """The point each value lies in (-1 between points); two in one point is not tidy (the
    lxml reader takes the first)."""
    points = np.searchsorted(starts, positions, side="right") - 1
    outside = (points < 0) | (positions >= ends[np.maximum(points, 0)])
    points[outside] = -1
    inside = points[~outside]
    if len(inside) > 1 and not bool(np.all(np.diff(inside) > 0)):
        raise _NotTidy
    return points


def _to_floats(texts: list[bytes], points: IntArray, n: int) -> FloatArray:
    joined = b"\n".join(texts)
    # Plain decimal numbers only, one per text, which numpy's parser (Python's own
    # strtod) reads as float() does; anything else is lxml's to read or to report.
    if (
        joined.translate(None, b"0123456789.eE+-\n")
        or b"\n\n" in joined
        or joined.startswith(b"\n")
        or joined.endswith(b"\n")
        or not joined
    ):
        raise _NotTidy
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        try:
            numbers = np.fromstring(joined, dtype=np.float64, sep=" ")
        except (DeprecationWarning, ValueError):
            raise _NotTidy from None
    if len(numbers) != len(texts):
        raise _NotTidy  # "1-2" read as two numbers
    numbers[np.isinf(numbers)] = np.nan
    out = np.full(n, np.nan)
    out[points] = numbers
    return out


def _merge(earlier: FloatArray | None, part: FloatArray) -> FloatArray:
    return part if earlier is None else combine(earlier, part)


def _hollow(
    chunk: bytes,
    first: int,
    stop: int,
    starts: IntArray,
    ends: IntArray,
    tags: _Tags,
    name_length: int,
) -> bytes:
    """Each point emptied to its name and its newlines: `<trkpt` + newlines + `>` +
    newlines + `</trkpt>`."""
    region = np.frombuffer(chunk, dtype=np.uint8)[first:stop]
    bounds = np.empty(2 * len(starts) + 2, dtype=np.int64)
    bounds[0], bounds[-1] = 0, len(region)
    bounds[1:-1:2] = starts + 1 + name_length
    bounds[2:-1:2] = ends
    flags = np.zeros(len(bounds) - 1, dtype=bool)
    flags[1::2] = True
    inside = np.repeat(flags, np.diff(bounds))
    keep = ~inside | (region == 10) | (region == 13)
    keep[tags.start_ends] = True
    hollowed: bytes = region[keep].tobytes()
    return chunk[:first] + hollowed + chunk[stop:]

"""A fast path for the point columns of tidy GPX and TCX files, beside the lxml reader.

lxml building ten elements per point costs more than everything else in a read, so the
points of each chunk (cut just after a point's end tag) are read here from the bytes by
one regular expression, and lxml reads what is left: the structure around the points.

The expression is the points' shape, learned from the file: the point's children in the
order the file writes them, each optional, down to the value elements, every tag name
spelled out. It is built from the first point and grown whenever a point does not fit
(an element met for the first time, a point without a position), so one `split` call in
C cuts a whole chunk into the text between points, each point's start tag and body, and
each value. A point matched by the shape is well formed by construction: its tags
balance and every end tag names its start tag. Values become numbers by `float` (what the
lxml reader does) and times by arithmetic on their fixed-width digits.

Each run of points with only whitespace between them is then replaced by one empty
element, `<trkpt` + the run's newlines + `/>`, so lxml builds one element per run instead
of ten per point, every line number it reports stays true, and the readers still see
where segments, tracks and laps begin and end.

Value elements are matched by namespace URI, as the lxml reader does: through the prefixes
the root element binds. Anything unusual in a chunk (comments, CDATA, processing
instructions, entities or character references, non-ASCII or control characters, a
namespace declared below the root, a point the shape cannot learn, a value that is not a
plain number, a value element twice in a point) sends that chunk and every later one down
the lxml path, which gives the same Track or the error with its line.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import pairwise
from typing import cast

import numpy as np
import numpy.typing as npt

from saathi.tracks.track import CHANNELS, FloatArray, TrackError
from saathi.tracks.xml import Column, combine, to_times

IntArray = npt.NDArray[np.int64]

_ROOT_TAG = re.compile(
    rb"""<([A-Za-z_][\w.\-]*)((?:\s+[\w:.\-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*>"""
)
_XMLNS = re.compile(rb"""xmlns(?::([\w.\-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')""")

# XML's whitespace (a bytes `\s` would also take \v and \f, which XML forbids).
_WS = rb"[ \t\r\n]*+"
_NAME = rb"[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?"
_VALUE = rb"""(?:"[^"<&]*"|'[^'<&]*')"""
# One token of a point: a tag (end mark, name, attributes, space, empty mark) or text.
_TOKEN = re.compile(
    rb"<(/?)("
    + _NAME
    + rb")((?:[ \t\r\n]+"
    + _NAME
    + rb"[ \t\r\n]*=[ \t\r\n]*"
    + _VALUE
    + rb")*)([ \t\r\n]*)(/?)>|[^<]+"
)
_ATTRIBUTE = re.compile(rb"(" + _NAME + rb""")[ \t\r\n]*=[ \t\r\n]*(?:"([^"<&]*)"|'([^'<&]*)')""")
# Printable ASCII and XML's whitespace, less the few bytes that may start markup or need
# a closer look: any other byte in a run of points (a control character lxml would
# refuse, UTF-8 that might not be valid, "&") is lxml's to judge.
_PLAIN_COMMON = bytes(b for b in [9, 10, *range(32, 127)] if b not in b"&!?]")
_NEWLINE = b"\n"
# Once the shape has grown this often, the points are too irregular to be worth it.
_MAX_LEARNED = 24
_MAX_DEPTH = 12
# Elements in a shape: a point is a dozen or two; thousands would only slow the expression.
_MAX_NODES = 200


class _NotTidy(Exception):
    pass


@dataclass
class _Node:
    """An element of the points' shape: a leaf holds text, a branch holds elements."""

    name: bytes  # the qualified name as written
    attributes: tuple[tuple[bytes, bytes, bytes | None], ...]  # (name, quote, value)
    children: list[_Node] | None  # None for a leaf
    empty: bool = False  # seen written as <name/>
    full: bool = False  # seen written as <name>...</name>

    def key(self) -> tuple[bytes, tuple[tuple[bytes, bytes, bytes | None], ...], bool]:
        return self.name, self.attributes, self.children is None


@dataclass
class _Run:
    """The columns of one chunk's points, handed out a run at a time."""

    values: dict[str, FloatArray]
    lines: IntArray
    sizes: deque[int]
    taken: int = 0


@dataclass
class _Shape:
    """The compiled expression for one point, and where each value lands in a split."""

    pattern: re.Pattern[bytes]
    stride: int  # pieces per point in a split: the text before it, then every group
    start: int  # group of the start tag
    body: int  # group of the rest of the point
    columns: list[tuple[Column, int]] = field(default_factory=list)  # in COLUMNS order


class FastColumns:
    """Point columns read straight from the bytes, queued until lxml's placeholders
    claim them."""

    def __init__(
        self, point: bytes, columns: Sequence[Column], prefixes: dict[str, str], core: str
    ):
        self._point = point
        self._core = core  # the prefix the reader's columns use for the root's namespace
        self._columns = list(columns)
        self._prefixes = prefixes  # the reader's XPath prefixes; the core one is added later
        self.active = True
        self.total = 0  # points read so far
        self.runs = 0  # placeholders handed to lxml so far
        self._queue: deque[_Run] = deque()
        self._bindings: set[tuple[bytes, bytes]] = set()
        self._bound: dict[bytes, bytes] = {}  # prefix -> URI, as the root binds them
        self._default: bytes | None = None
        self._root: _Node | None = None
        self._shape: _Shape | None = None
        self._learned = 0
        self._spaced = False  # whether a point had whitespace before a tag's end
        self._newlines = 0  # in the chunks before this one: the line numbers' base
        self._started = False

    def begin(self, head: bytes) -> int:
        """Read the root's namespace declarations; returns where the root tag ends (0 when
        the fast path is off for this file)."""
        found = re.search(rb"<(?![?!])", head)
        root = _ROOT_TAG.match(head, found.start()) if found else None
        if root is None or b":" in root.group(1) or b"&" in root.group(2):
            self.active = False
            return 0
        for match in _XMLNS.finditer(root.group(2)):
            uri = match.group(2) if match.group(2) is not None else match.group(3)
            if match.group(1) is None:
                self._default = uri
            else:
                self._bound[match.group(1)] = uri
        self._bindings = {(p, u) for p, u in self._bound.items()}
        if self._default is not None:
            self._bindings.add((b"", self._default))
            if self._default in self._bound.values():
                self.active = False  # core elements could be written either way
                return 0
        self._started = True
        return root.end()

    def take(self, chunk: bytes, start: int = 0) -> bytes:
        """The chunk with its points replaced by placeholders, their columns queued; or
        the chunk as it is, with the fast path off from here on."""
        if not self.active:
            return chunk
        try:
            fed = self._read(chunk, start)
        except (_NotTidy, TrackError, ValueError, OverflowError, RecursionError, re.error):
            fed = None
        if fed is None:
            self.active = False
            return chunk
        return fed

    def pop_run(self) -> tuple[dict[str, FloatArray], IntArray]:
        """The columns and source lines of the points behind the next placeholder."""
        head = self._queue[0]
        size = head.sizes.popleft()
        cut = slice(head.taken, head.taken + size)
        head.taken += size
        if not head.sizes:
            self._queue.popleft()
        return {c: a[cut] for c, a in head.values.items()}, head.lines[cut]

    # -- one chunk --------------------------------------------------------------------

    def _read(self, chunk: bytes, start: int) -> bytes | None:
        # Route points (<rtept>) between track points reach lxml as they are: the GPX
        # reader reads them only from files without track points, all of whose chunks
        # reach it untouched.
        if not self._started:
            return None
        opening, closing = b"<" + self._point, b"</" + self._point
        first = chunk.find(opening, start)
        if first < 0:
            if chunk.find(closing, start) >= 0:
                return None
            if not self._harmless(chunk, start):
                return None
            self._newlines += chunk.count(_NEWLINE)
            return chunk
        last = chunk.rfind(closing)
        stop = chunk.find(b">", last) + 1
        if last < first or stop <= 0 or chunk.find(closing, start, first) >= 0:
            return None
        if chunk.find(opening, stop) >= 0:
            return None  # a point cut by the chunk's end: lxml's from here on
        # The points are read through a view: no copy of the chunk's bytes.
        region = memoryview(chunk)[first:stop]
        if chunk.translate(None, _PLAIN_COMMON) and not _plain(bytes(region)):
            return None
        shape, pieces, between = self._split(region)
        # Namespace declarations can only be outside the points (the shape has none).
        if (
            b"xmlns" in between
            or chunk.find(b"xmlns", start, first) >= 0
            or chunk.find(b"xmlns", stop) >= 0
        ) and not self._harmless(chunk, start):
            return None
        n = (len(pieces) - 1) // shape.stride
        values = self._values(shape, pieces, n)
        before = self._newlines + chunk.count(_NEWLINE, 0, first)
        lines, sizes, hollow, inside = self._runs(region, before, shape, pieces, between)
        self._queue.append(_Run(values, lines, deque(sizes)))
        self.total += n
        self.runs += len(sizes)
        self._newlines = before + inside + chunk.count(_NEWLINE, stop)
        return chunk[:first] + hollow + chunk[stop:]

    def _split(self, region: memoryview) -> tuple[_Shape, list[bytes | None], bytes]:
        """The region cut by the shape, which learns the points it does not fit yet; and
        the text between its points."""
        opening = b"<" + self._point
        while True:
            shape = self._shape
            if shape is not None:
                pieces: list[bytes | None] = shape.pattern.split(region)
                gaps = cast(list[bytes], pieces[:: shape.stride])
                between = b"".join(gaps)
                if opening not in between:
                    return shape, pieces, between
                text = next(gap for gap in gaps if opening in gap)
            else:
                text = bytes(region)
            at = text.find(opening)
            if self._learned >= _MAX_LEARNED:
                raise _NotTidy
            end = text.find(b"</" + self._point, at)
            close = text.find(b">", end) + 1
            if end < 0 or close <= 0:
                raise _NotTidy
            self._learn(text[at:close])

    def _values(self, shape: _Shape, pieces: list[bytes | None], n: int) -> dict[str, FloatArray]:
        values: dict[str, FloatArray] = {}
        stride = shape.stride
        for column, group in shape.columns:
            texts = pieces[group::stride]
            part = _times(texts, n) if column.channel == "time" else _floats(texts, n)
            earlier = values.get(column.channel)
            values[column.channel] = part if earlier is None else combine(earlier, part)
        missing = np.full(n, np.nan)  # shared: the channels are copied when joined
        return {c: values.get(c, missing) for c in CHANNELS}

    def _runs(
        self,
        region: memoryview,
        before: int,
        shape: _Shape,
        pieces: list[bytes | None],
        between: bytes,
    ) -> tuple[IntArray, list[int], bytes, int]:
        """Each point's line (where its start tag ends, as lxml counts), the size of each
        run, the region with each run replaced by its placeholder, and its newlines."""
        stride = shape.stride
        gaps = cast(list[bytes], pieces[::stride])
        n = len(gaps) - 1
        # Where each piece ends: gap, start tag and body of each point, then the last gap.
        lengths = np.empty(3 * n + 1, dtype=np.int64)
        lengths[0::3] = _lengths(gaps)
        lengths[1::3] = _lengths(pieces[shape.start :: stride])
        lengths[2::3] = _lengths(pieces[shape.body :: stride])
        ends = np.cumsum(lengths)
        newlines = np.flatnonzero(np.frombuffer(region, dtype=np.uint8) == 10)
        lines = np.searchsorted(newlines, ends[1::3]) + (before + 1)
        # A run ends where the text before the next point is more than whitespace.
        edges = [0, *_breaks(between, lengths[0::3]), n]
        begins = np.searchsorted(newlines, ends[[3 * a for a in edges[:-1]]])
        finishes = np.searchsorted(newlines, ends[[3 * b - 1 for b in edges[1:]]])
        parts = []
        name = b"<" + self._point
        for index, a in enumerate(edges[:-1]):
            if a:
                parts.append(gaps[a])
            parts.append(name + _NEWLINE * int(finishes[index] - begins[index]) + b"/>")
        sizes = [b - a for a, b in pairwise(edges)]
        return lines, sizes, b"".join(parts), len(newlines)

    def _harmless(self, chunk: bytes, start: int) -> bool:
        """Whether the namespaces declared below the root leave the points' names meaning
        what the root says: each binds a prefix as the root does, or its element ends
        before the next point (Polar writes `<Lap xmlns="...">` and `<LX xmlns="...">`).
        A declaration inside a point never fits the shape."""
        found = chunk.find(b"xmlns", start)
        while found >= 0:
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

    # -- the shape --------------------------------------------------------------------

    def _learn(self, text: bytes) -> None:
        point, spaced = _parse(text, self._point)
        self._spaced = self._spaced or spaced
        if self._root is None:
            self._root = point
        elif self._root.key() != point.key():
            raise _NotTidy  # other attributes on the point itself
        else:
            _merge(self._root, point)
        if _size(self._root) > _MAX_NODES:
            raise _NotTidy
        self._learned += 1
        self._shape = self._compile(self._root)

    def _compile(self, root: _Node) -> _Shape:
        wanted = {self._path_of(c): i for i, c in enumerate(self._columns) if self._declared(c)}
        builder = _Builder(wanted, self._resolve, self._spaced)
        start, body = builder.point(root)
        pattern = re.compile(b"".join(builder.parts))
        if pattern.groups != builder.groups:
            raise _NotTidy
        shape = _Shape(pattern, pattern.groups + 1, start, body)
        shape.columns = [(self._columns[i], g) for i, g in sorted(builder.found.items())]
        return shape

    def _declared(self, column: Column) -> bool:
        declared = set(self._bound.values()) | ({self._default} if self._default else set())
        return column.namespace is None or column.namespace.encode() in declared

    def _path_of(self, column: Column) -> tuple[tuple[bytes | None, bytes], ...]:
        """A column's steps as (namespace URI, local name) pairs; ("@", name) for an
        attribute."""
        path: list[tuple[bytes | None, bytes]] = []
        for step in column.steps:
            if step.startswith("@"):
                path.append((b"@", step[1:].encode()))
                continue
            prefix, _, local = step.rpartition(":")
            uri: bytes | None
            if not prefix or prefix == self._core:
                uri = self._default
            else:
                uri = self._prefixes[prefix].encode()
            path.append((uri, local.encode()))
        return tuple(path)

    def _resolve(self, name: bytes) -> tuple[bytes | None, bytes]:
        prefix, _, local = name.rpartition(b":")
        if not prefix:
            return self._default, local
        uri = self._bound.get(prefix)
        if uri is None:
            raise _NotTidy  # a prefix the root does not bind: lxml's to judge
        return uri, local


Path = tuple[tuple[bytes | None, bytes], ...]


class _Builder:
    """Writes the expression for a shape, numbering its groups as it goes.

    Each child is optional and possessive (`(?:...)?+`): children of one element differ
    in name or attributes, so a child that matched never has to be given back, and the
    engine keeps no state to try. Whitespace before a tag's `>` is allowed only once a
    point has had some (`spaced`): each allowance costs time in every tag."""

    def __init__(
        self,
        wanted: dict[Path, int],
        resolve: Callable[[bytes], tuple[bytes | None, bytes]],
        spaced: bool,
    ):
        self.parts: list[bytes] = []
        self.groups = 0
        self.found: dict[int, int] = {}  # column index -> its group
        self._wanted = wanted
        self._resolve = resolve
        self._close = _WS + b">" if spaced else b">"
        self._space = _WS if spaced else b""

    def _group(self) -> None:
        self.groups += 1
        self.parts.append(b"(")

    def _capture(self, path: Path) -> bool:
        """Whether a column reads this leaf; if so its group is the next one opened."""
        index = self._wanted.get(path)
        if index is None:
            return False
        if index in self.found:
            raise _NotTidy  # a value element twice in a point: the lxml reader takes the first
        self.found[index] = self.groups + 1
        return True

    def _attributes(self, attributes: tuple[tuple[bytes, bytes, bytes | None], ...]) -> None:
        for name, quote, value in attributes:
            self.parts += [rb"[ \t\r\n]+", re.escape(name), _WS, b"=", _WS, quote]
            if value is not None:
                self.parts.append(re.escape(value))
            elif self._capture(((b"@", name),)):
                self._group()
                self.parts.append(b"[^" + quote + b"<]*+)")
            else:
                self.parts.append(b"[^" + quote + b"<]*+")
            self.parts.append(quote)

    def point(self, root: _Node) -> tuple[int, int]:
        """The whole point: its start tag (attributes captured) and its body; returns
        their groups."""
        self._group()
        start = self.groups
        self.parts += [b"<", re.escape(root.name)]
        self._attributes(root.attributes)
        self.parts += [self._close, b")"]
        self._group()
        body = self.groups
        self.parts.append(_WS)
        for child in root.children or []:
            self._node(child, ())
        self.parts += [b"</", re.escape(root.name), self._close, b")"]
        return start, body

    def _node(self, node: _Node, above: Path) -> None:
        path = (*above, self._resolve(node.name))
        name = re.escape(node.name)
        self.parts += [b"(?:<", name]
        self._attributes(node.attributes)
        self.parts.append(self._space)
        both = node.full and node.empty
        if both:
            self.parts.append(b"(?:")
        if node.full:
            self.parts.append(b">")
            if node.children is None:
                if self._capture(path):
                    self._group()
                    self.parts.append(b"[^<]*+)")
                else:
                    self.parts.append(b"[^<]*+")
            else:
                if path in self._wanted:
                    raise _NotTidy  # a value element holding elements
                self.parts.append(_WS)
                for child in node.children:
                    self._node(child, path)
            self.parts += [b"</", name, self._close]
        if node.empty:
            self.parts.append(b"|/>)" if both else b"/>")
        self.parts += [_WS, b")?+"]


def _parse(text: bytes, point: bytes) -> tuple[_Node, bool]:
    """One point's elements, or not tidy: anything but tags and text, text beside
    elements, a namespace declaration, an end tag naming another element."""
    stack: list[_Node] = []
    wordy: list[bool] = []  # whether each open element holds text other than whitespace
    spaced = False
    made = 0
    at = 0
    while at < len(text):
        token = _TOKEN.match(text, at)
        if token is None:
            raise _NotTidy
        at = token.end()
        closing, name, attributes, space, empty = token.groups()
        spaced = spaced or bool(space)
        if name is None:
            if not stack:
                raise _NotTidy
            wordy[-1] = wordy[-1] or bool(token.group().strip(b" \t\r\n"))
            continue
        if closing:
            if attributes or empty or not stack or stack[-1].name != name:
                raise _NotTidy
            node = stack.pop()
            if not node.children:
                node.children = None
            elif wordy[-1]:
                raise _NotTidy  # mixed content
            wordy.pop()
            node.full = True
            if not stack:
                if at != len(text):
                    raise _NotTidy
                return node, spaced
            continue
        made += 1
        if made > _MAX_NODES:
            raise _NotTidy
        node = _Node(name, _attributes(attributes, top=not stack), [])
        if (not stack) != (name == point) or (empty and not stack):
            raise _NotTidy  # not a point, an empty point, or a point inside a point
        if stack:
            parent_children = stack[-1].children
            assert parent_children is not None
            parent_children.append(node)
        if empty:
            node.children = None
            node.empty = True
            continue
        if len(stack) >= _MAX_DEPTH:
            raise _NotTidy
        stack.append(node)
        wordy.append(False)
    raise _NotTidy


def _attributes(text: bytes, *, top: bool) -> tuple[tuple[bytes, bytes, bytes | None], ...]:
    """A tag's attributes as (name, quote, value); the point's lat and lon have no value
    (they are read, not matched)."""
    found: list[tuple[bytes, bytes, bytes | None]] = []
    for match in _ATTRIBUTE.finditer(text):
        name = match.group(1)
        if name.startswith(b"xmlns") or any(name == seen for seen, _, _ in found):
            raise _NotTidy
        quote = b'"' if match.group(2) is not None else b"'"
        value = match.group(2) if match.group(2) is not None else match.group(3)
        found.append((name, quote, None if top and name in (b"lat", b"lon") else value))
    return tuple(found)


def _size(node: _Node) -> int:
    return 1 + sum(_size(child) for child in node.children or [])


def _merge(into: _Node, new: _Node) -> None:
    """Grow a shape to fit a new point: its children, in order, each optional."""
    into.empty |= new.empty
    into.full |= new.full
    if into.children is None or new.children is None:
        return
    at = 0
    for child in new.children:
        for index in range(at, len(into.children)):
            if into.children[index].key() == child.key():
                _merge(into.children[index], child)
                at = index + 1
                break
        else:
            into.children.insert(at, child)
            at += 1


def _ends_before_point(chunk: bytes, opening: int, closing: int, point: bytes) -> bool:
    if chunk[closing - 1 : closing] == b"/":
        return True
    name = re.match(rb"<([\w:.\-]+)", chunk[opening:closing])
    if name is None:
        return False
    end = chunk.find(b"</" + name.group(1) + b">", closing)
    following = chunk.find(b"<" + point, closing)
    return end >= 0 and (following < 0 or end < following)


def _plain(region: bytes) -> bool:
    """Whether a run of points holds nothing that changes what its text means or that
    lxml would refuse: only printable ASCII and XML's whitespace, no entity or character
    reference, comment, CDATA section, processing instruction or lone carriage return."""
    rare = region.translate(None, _PLAIN_COMMON)
    if not rare:
        return True  # the usual case, found by one pass in C
    if rare.translate(None, b"!?]\r") or b"<!" in region or b"<?" in region:
        return False  # "&", a control character or a byte over 127, or markup
    return b"]]>" not in region and region.count(b"\r") == region.count(b"\r\n")


def _breaks(joined: bytes, lengths: IntArray) -> list[int]:
    """The points after a gap that holds more than whitespace (a segment's or a lap's
    tags), found in bulk: such gaps are few, whitespace ones many. `joined` is every gap,
    `lengths` their lengths."""
    if not joined or joined.isspace():
        return []
    text = np.frombuffer(joined, dtype=np.uint8)
    marks = np.flatnonzero((text != 32) & (text != 10) & (text != 9) & (text != 13))
    owners = np.searchsorted(np.cumsum(lengths), marks, side="right")
    return [int(k) for k in np.unique(owners)]


def _lengths(texts: list[bytes | None] | list[bytes]) -> IntArray:
    return np.fromiter(map(len, cast(list[bytes], texts)), np.int64, len(texts))


def _floats(texts: list[bytes | None], n: int) -> FloatArray:
    """Numbers as float() reads them (what the lxml reader does); a missing or empty
    value is NaN, and so is an infinite one."""
    try:
        given = cast(list[bytes], texts)
        # Whole numbers (heart rate, cadence, power) by int(), twice as quick as float()
        # and the same value.
        read = int if b"".join(given).isdigit() else float
        out = np.fromiter(map(read, given), np.float64, n)
    except (TypeError, ValueError):  # None or b"" among them; or not a number
        try:
            out = np.full(n, np.nan)
            present = [i for i, text in enumerate(texts) if text]
            given = cast(list[bytes], [texts[i] for i in present])
            out[present] = np.fromiter(map(float, given), np.float64, len(given))
        except ValueError:
            raise _NotTidy from None  # lxml's to read, and to report with its line
    out[np.isinf(out)] = np.nan
    return out


def _times(texts: list[bytes | None], n: int) -> FloatArray:
    present = None
    given = cast(list[bytes], texts)
    if None in texts or b"" in texts:
        present = [i for i, text in enumerate(texts) if text]
        given = [given[i] for i in present]
    found = utc_times(given)
    if found is None:
        found = to_times([text.decode("ascii") for text in given], [])
    if present is None:
        return found
    out = np.full(n, np.nan)
    out[present] = found
    return out


# "YYYY-MM-DDTHH:MM:SS": where the separators sit; for each digit, the most it may be
# and what it is worth to the date (as YYYYMMDD), the hour and the second of the day.
_SEPARATORS = {4: ord("-"), 7: ord("-"), 10: ord("T"), 13: ord(":"), 16: ord(":")}
_PLACES = {0: (9, 0, 10**7), 1: (9, 0, 10**6), 2: (9, 0, 10**5), 3: (9, 0, 10**4)}
_PLACES |= {5: (1, 0, 1000), 6: (9, 0, 100), 8: (3, 0, 10), 9: (9, 0, 1)}
_PLACES |= {11: (2, 1, 10), 12: (9, 1, 1), 14: (5, 2, 600), 15: (9, 2, 60)}
_PLACES |= {17: (5, 2, 10), 18: (9, 2, 1)}
_UNIX_DAY = date(1970, 1, 1).toordinal()


@cache
def _layout(
    width: int,
) -> tuple[list[int], npt.NDArray[np.uint8], list[int], npt.NDArray[np.uint8], FloatArray]:
    """For times `width` bytes long: where the separators sit and what they are; where the
    digits sit, the most each may be, and what each is worth to the date, the hour, the
    seconds of the day (hours included) and the microseconds."""
    separators = dict(_SEPARATORS)
    separators[width - 1] = ord("Z")
    places = dict(_PLACES)
    if width > 20:
        separators[19] = ord(".")
        places |= {20 + k: (9, 3, 10 ** (5 - k)) for k in range(width - 21)}
    # Floats, for a matrix product in BLAS: exact, every sum being a whole number < 2**53.
    worth = np.zeros((len(places), 4), dtype=np.float64)
    for row, (_, part, value) in enumerate(places.values()):
        worth[row, part] = value
    for row, at in enumerate(places):
        if at in (11, 12):  # an hour's digits count towards the seconds of the day too
            worth[row, 2] = 36000 if at == 11 else 3600
    expected = np.array(list(separators.values()), dtype=np.uint8)
    most = np.array([m for m, _, _ in places.values()], dtype=np.uint8)
    return list(separators), expected, list(places), most, worth


def utc_times(texts: Sequence[bytes]) -> FloatArray | None:
    """Times all written alike as "YYYY-MM-DDTHH:MM:SS[.ffffff]Z", in Unix seconds, by
    arithmetic on the digits in bulk; None when they are not that tidy (the careful
    parser then reads them). Whole microseconds over 1e6, as the careful parser computes,
    so both give the same float. (Not numpy's cast from bytes to datetime64, which would
    be quicker: numpy 1.26 crashes the process on an impossible date given as bytes.)"""
    if not texts:
        return None
    width = len(texts[0])
    if not 20 <= width <= 27 or width == 21 or texts[0][-1:] != b"Z":
        return None
    table = np.array(texts)
    if table.dtype.itemsize != width:
        return None  # some are longer
    rows = table.view(np.uint8).reshape(len(texts), width)
    # Shorter ones end in the zeros numpy pads with, not in "Z".
    columns, expected, places, most, worth = _layout(width)
    if not bool((rows[:, columns] == expected).all()):
        return None
    digits = rows[:, places] - np.uint8(48)  # a byte below "0" wraps round to over 9
    if bool((digits > most).any()):
        return None
    fields = (digits.astype(np.float64) @ worth).astype(np.int64)
    dates, hours, seconds, micro = fields.T
    if bool((hours > 23).any()):
        return None
    # A file's points fall on a day or two: each date is checked and counted once.
    found, where = np.unique(dates, return_inverse=True)
    try:
        days = [date(d // 10000, d // 100 % 100, d % 100).toordinal() for d in found.tolist()]
    except ValueError:
        return None  # no such day (February 30th, month 0, year 0)
    since = np.array(days, dtype=np.int64)[where] - _UNIX_DAY
    result: FloatArray = ((since * 86400 + seconds) * 1_000_000 + micro) / 1e6
    return result

"""Safe, streaming XML for the GPX and TCX readers.

Activity files are untrusted uploads, so the document type declaration is refused before
the parser sees it: it is the only door to entity bombs ("billion laughs") and to external
entities that read local files (XXE), and no GPX or TCX file needs one. lxml's own guards
(no entity substitution, no network, no DTD loading, libxml2's size limits) stay on too.

Tidy points never reach lxml as elements: xml_fast.py reads them from each chunk's bytes
and leaves one empty placeholder element per run of points (Batch.add takes its columns).
The rest, and every point of a file from the first chunk the fast path cannot read, is
read here in batches: the parser builds a few thousand points as elements, compiled
XPath expressions pull each column out of the batch in C, and the batch is deleted, so a
100 MB file reads in bounded memory and Python code runs per batch rather than per value.
"""

from __future__ import annotations

import re
import warnings
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, Protocol

import numpy as np
import numpy.typing as npt
from lxml import etree

from saathi.tracks.track import CHANNELS, FloatArray, Track, TrackError

# The bytes read and handed on at a time: each chunk's copies and pieces are the read's
# working memory, so a small file peaks near its arrays' own size.
CHUNK = 1 << 17
BATCH = 4000
# The prolog (declaration, comments) before the root element; real files need a few
# hundred bytes.
MAX_PROLOG = 1 << 20

_BOM_UTF8 = b"\xef\xbb\xbf"
_BOMS_UTF16 = (b"\xff\xfe", b"\xfe\xff")
_PROLOG_ITEM = re.compile(rb"\s*(<\?.*?\?>|<!--.*?-->)", re.DOTALL)
_ROOT = re.compile(rb"\s*<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")


def strip_prolog_space(head: bytes) -> bytes:
    """Drop a UTF-8 byte-order mark and whitespace before `<?xml`: both are common
    (Strava TCX) and both make a strict parser reject the declaration."""
    if head.startswith(_BOM_UTF8):
        head = head[len(_BOM_UTF8) :]
    return head.lstrip(b" \t\r\n")


def root_name(head: bytes) -> str | None:
    """The local name of the root element, or None when `head` ends before it.

    Raises TrackError for a document type declaration, wherever it is in the prolog.
    """
    if head.startswith(_BOMS_UTF16):
        head = head.decode("utf-16", errors="replace").encode("utf-8")
    text = strip_prolog_space(head)
    position = 0
    while match := _PROLOG_ITEM.match(text, position):
        position = match.end()
    rest = text[position:].lstrip()
    if rest.startswith(b"<!DOCTYPE") or rest.startswith(b"<!ENTITY"):
        line = text[: len(text) - len(rest)].count(b"\n") + 1
        raise TrackError(
            f"line {line}: the file declares a document type (<!DOCTYPE>); activity files "
            "never need one and it can hide entity bombs or read local files, so it is refused",
            line=line,
        )
    root = _ROOT.match(rest)
    if root is None:
        return None
    return root.group(2).decode("ascii")


class Damage(TrackError):
    """The bytes stop making sense part-way (cut short, corrupted): what came before is
    still good, so readers keep it and warn. A bad value, by contrast, fails the file."""


def _parse_error(error: etree.LxmlError, offset: int) -> TrackError:
    """libxml2's first complaint, which names the real problem and its line (the
    exception's own text is often a generic "no element found")."""
    line: int | None = getattr(error, "lineno", None) or None
    message = str(error)
    log = getattr(error, "error_log", None) or ()
    errors = [e for e in log if e.level >= etree.ErrorLevels.ERROR]
    if errors:
        entry = errors[0]
        line = entry.line or line
        message = entry.message
    message = message.split(", line ")[0].strip()
    line = line + offset if line else None
    where = f"line {line}: " if line else ""
    return Damage(f"{where}the XML is malformed: {message}", line=line)


class FastPath(Protocol):
    """What the readers here ask of xml_fast.FastColumns, written down here so that the
    fast path (which builds on this module's columns) is not imported back by it."""

    active: bool
    runs: int  # placeholder elements handed to lxml so far

    def begin(self, head: bytes) -> int: ...

    def take(self, chunk: bytes, start: int = 0) -> bytes: ...

    def pop_run(self) -> tuple[dict[str, FloatArray], npt.NDArray[np.int64]]: ...


class Document:
    """One XML document fed in chunks; yields the elements named in `tags` as they end.

    `tags` are Clark names; "{*}name" matches `name` in any namespace (the reader then
    checks the namespace itself). `namespaces` collects every namespace URI declared so
    far, for readers that only look for extensions the file declares.
    """

    def __init__(
        self,
        chunks: Iterable[bytes],
        tags: Sequence[str],
        points: Sequence[bytes] = (),
        columns: Sequence[Column] = (),
        fast: FastPath | None = None,
    ):
        self._chunks = chunks
        self.fast = fast
        self._tags = list(tags)
        # Value elements not yet met in the raw bytes: their columns cost nothing until then.
        # Looking for "name>" finds `</ns:name>` whatever the prefix; a false match only
        # costs an XPath.
        self.unseen = {c.leaf for c in columns if c.leaf is not None}
        # Chunks are cut just after a point's end tag, so that after each feed every point
        # in the tree is usually complete and batches take the fast XPaths (see Batch).
        self._points = tuple(points)
        # Called after each chunk's events, when batches may be extracted.
        self.on_feed: Callable[[], None] | None = None
        self.namespaces: set[str] = set()
        self.root: etree._Element | None = None
        # Lines dropped with the whitespace before `<?xml`, added back in messages.
        self.line_offset = 0

    def __iter__(self) -> Iterator[etree._Element]:
        # lxml's error log is shared per thread; start clean so a message names this file.
        etree.clear_error_log()
        parser = etree.XMLPullParser(
            events=("end", "start-ns"),
            tag=self._tags,
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_blank_text=True,
            remove_comments=True,
            remove_pis=True,
        )
        try:
            tail = b""
            for index, chunk in enumerate(self._split(self._checked(self._chunks))):
                fed = self._fast(chunk, index)
                # A point read on the fast path never reaches the XPaths: no need to look.
                if self.unseen and fed is chunk:
                    self._look(chunk, tail + chunk[:64])
                tail = chunk[-64:]
                parser.feed(fed)
                yield from self._events(parser)
                if self.on_feed is not None:
                    self.on_feed()
            parser.close()
            yield from self._events(parser)
        except etree.LxmlError as error:
            raise _parse_error(error, self.line_offset) from None

    def _fast(self, chunk: bytes, index: int) -> bytes:
        if self.fast is None or not self.fast.active:
            return chunk
        start = self.fast.begin(chunk) if index == 0 else 0
        return self.fast.take(chunk, start)

    def _look(self, chunk: bytes, seam: bytes) -> None:
        self.unseen = {
            name for name in self.unseen if name + b">" not in chunk and name + b">" not in seam
        }

    def _events(self, parser: etree.XMLPullParser) -> Iterator[etree._Element]:
        for event, item in parser.read_events():
            if event == "start-ns":
                self.namespaces.add(item[1])
                continue
            if self.root is None:
                self.root = item.getroottree().getroot()
            yield item

    def _split(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        rest = b""
        for chunk in chunks:
            # An end tag split between two reads is missed: the cut is then an earlier one.
            cut = -1
            for name in self._points:
                cut = max(cut, _after_end_tag(chunk, name, cut))
            if cut < 0:
                rest += chunk
                if len(rest) >= 4 * CHUNK:
                    yield rest
                    rest = b""
                continue
            data = b"".join((rest, memoryview(chunk)[:cut]))
            rest = chunk[cut:]
            del chunk  # one copy of the bytes at a time: peak memory
            yield data
        if rest:
            yield rest

    def _checked(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        """Hold chunks back until the root element is in sight and the prolog is clean."""
        head = b""
        iterator = iter(chunks)
        for chunk in iterator:
            head += chunk
            if root_name(head) is not None or len(head) > MAX_PROLOG:
                break
        if not head.strip():
            raise TrackError("the file is empty")
        if root_name(head) is None:
            raise TrackError("line 1: no XML element found at the start of the file", line=1)
        stripped = strip_prolog_space(head)
        self.line_offset = head[: len(head) - len(stripped)].count(b"\n")
        del head, chunk
        yield stripped
        del stripped  # not kept for the whole read
        yield from iterator


def _after_end_tag(data: bytes, name: bytes, after: int = -1) -> int:
    """The offset just after the last `</name>` or `</prefix:name>` in data, or -1; only
    one after `after` is looked for (a later cut is all the caller wants)."""
    end = len(data)
    while (found := data.rfind(name + b">", max(after, 0), end)) >= 0:
        opening = data.rfind(b"<", 0, found)
        if opening >= 0 and data[opening + 1 : opening + 2] == b"/":
            return found + len(name) + 1
        end = found
    return -1


@dataclass(frozen=True)
class Column:
    """Where one per-point value lives, as XPath steps below the point element.

    A last step starting with "@" reads an attribute. Several columns may feed the same
    channel (heart rate in TrackPointExtension v1, v2 or gpxdata); the first wins and the
    others fill its gaps.
    """

    channel: str
    steps: tuple[str, ...]
    namespace: str | None = None  # only evaluated when the file declares it
    label: str = ""  # the value's name in messages

    @property
    def leaf(self) -> bytes | None:
        """The name of the element holding the value (None for an attribute)."""
        last = self.steps[-1]
        return None if last.startswith("@") else last.split(":")[-1].encode("ascii")


def _path(steps: tuple[str, ...]) -> str:
    """An XPath giving at most one text per value element; with one value element per
    point (the usual case, checked by counting) the results align with the points."""
    if steps[-1].startswith("@"):
        return "/".join(steps)
    return "/".join(steps) + "[1]/text()[1]"


class Batch:
    """Points collected under one parent, extracted column by column, then deleted.

    Each flush turns the batch's text into float arrays at once, so memory holds numbers,
    not strings, and a bad value is reported with its point's line.
    """

    def __init__(
        self,
        point: str,
        columns: Sequence[Column],
        prefixes: dict[str, str],
        document: Document,
        fast: FastPath | None = None,
    ):
        self.columns = list(columns)
        self._document = document
        self._fast = fast
        self._batch: list[etree._Element] = []
        self._parent: etree._Element | None = None
        self._point = point
        self._prefixes = prefixes
        # Compiled when first needed: a file the fast path reads whole needs none.
        self._paths: dict[int, tuple[etree.XPath, etree.XPath, etree.XPath]] = {}
        self._parts: dict[str, list[FloatArray]] = {c: [] for c in CHANNELS}
        self.lines = array("q")  # source line of each point, for messages
        self.count = 0
        self._placeholders = 0

    def add(self, point: etree._Element) -> None:
        fast = self._fast
        if fast is not None and self._placeholders < fast.runs:
            # The fast path read a run of points and left this empty element in their place.
            # It stops for good at the first chunk it cannot read, so its placeholders are
            # the first point elements lxml sees.
            self._placeholders += 1
            values, lines = fast.pop_run()
            for channel, part in values.items():
                self._parts[channel].append(part)
            self.lines.frombytes((lines + self._document.line_offset).tobytes())
            self.count += len(lines)
            _drop(point)
            return
        parent = point.getparent()
        if parent is not self._parent:
            self.flush()
            self._parent = parent
        self._batch.append(point)

    def flush_if_full(self) -> None:
        if len(self._batch) >= BATCH:
            self.flush()

    def flush(self) -> None:
        batch, parent = self._batch, self._parent
        if not batch or parent is None:
            return
        self._batch = []
        offset = self._document.line_offset
        lines = [(point.sourceline or 0) + offset for point in batch]
        try:
            values = self._extract(batch, parent, lines)
        finally:
            _remove(parent, batch)
        for channel, part in values.items():
            self._parts[channel].append(part)
        self.lines.extend(lines)
        self.count += len(batch)

    def _extract(
        self, batch: list[etree._Element], parent: etree._Element, lines: list[int]
    ) -> dict[str, FloatArray]:
        n = len(batch)
        # The parser may already be inside the next point; only then must the paths stop
        # at the n finished ones (a slower XPath).
        complete = parent[-1] is batch[-1]
        values: dict[str, FloatArray] = {}
        for index, column in enumerate(self.columns):
            if self._absent(column):
                continue
            every, first_n, one = self._xpaths(index)
            found = every(parent) if complete else first_n(parent, n=n)
            if not found:
                continue
            if len(found) != n:
                found = [_first(one(point)) for point in batch]
            if column.channel == "time":
                part = to_times(found, lines)
            else:
                part = to_floats(found, lines, column.label or column.channel)
            earlier = values.get(column.channel)
            values[column.channel] = part if earlier is None else combine(earlier, part)
        return {c: values.get(c, np.full(n, np.nan)) for c in CHANNELS}

    def _xpaths(self, index: int) -> tuple[etree.XPath, etree.XPath, etree.XPath]:
        """A column's paths: from the parent to every point's value, to the first n
        points' values, and from one point to its value."""
        if index not in self._paths:
            path = _path(self.columns[index].steps)
            point, prefixes = self._point, self._prefixes
            self._paths[index] = (
                _xpath(f"{point}/{path}", prefixes),
                _xpath(f"{point}[position() <= $n]/{path}", prefixes),
                _xpath(path, prefixes),
            )
        return self._paths[index]

    def _absent(self, column: Column) -> bool:
        namespace = column.namespace
        if namespace is not None and namespace not in self._document.namespaces:
            return True
        return column.leaf in self._document.unseen

    def channels(self) -> dict[str, FloatArray]:
        """Every channel for every point flushed so far."""
        joined: dict[str, FloatArray] = {}
        for channel, parts in self._parts.items():
            joined[channel] = np.concatenate(parts) if parts else np.full(0, np.nan)
            # One channel's pieces freed before the next is joined: peak memory stays
            # near the arrays' own size.
            self._parts[channel] = [joined[channel]]
        return joined


def line_of(element: etree._Element, document: Document) -> int:
    return (element.sourceline or 0) + document.line_offset


def _drop(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _remove(parent: etree._Element, batch: list[etree._Element]) -> None:
    n = len(batch)
    if len(parent) >= n and parent[0] is batch[0] and parent[n - 1] is batch[-1]:
        del parent[:n]  # the usual case, in one C call
        return
    for point in batch:
        parent.remove(point)


def _xpath(path: str, prefixes: dict[str, str]) -> etree.XPath:
    return etree.XPath(path, namespaces=prefixes, smart_strings=False)


def _first(found: object) -> str | None:
    if isinstance(found, list) and found:
        return str(found[0])
    return None


def to_floats(values: Sequence[str | None], lines: Sequence[int], what: str) -> FloatArray:
    """Numbers as written ("12.5", " 7 ", empty or missing → NaN); anything else is an error
    naming the line."""
    if not any(values):
        return np.full(len(values), np.nan)
    try:
        numbers = np.array([float(v) if v else np.nan for v in values], dtype=np.float64)
        numbers[np.isinf(numbers)] = np.nan  # "1e999" is no reading either
        return numbers
    except ValueError:
        for index, value in enumerate(values):
            try:
                float(value or "nan")
            except ValueError:
                line = lines[index] if index < len(lines) else None
                where = f"line {line}: " if line else ""
                raise TrackError(
                    f"{where}{what} {_quote(value)} is not a number", line=line
                ) from None
        raise


def _quote(value: str | None) -> str:
    text = (value or "").strip()
    return repr(text if len(text) <= 40 else text[:40] + "…")


def parse_time(text: str) -> float:
    """ISO 8601 as activity files write it: "Z", "+02:00", fractions; naive means UTC."""
    moment = datetime.fromisoformat(text.strip())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


_SUFFIX = re.compile(r"(Z|[+-]\d\d:\d\d)$")


def _uniform_times(values: Sequence[str | None]) -> FloatArray | None:
    """The common case in bulk: every time written alike ("...Z" or one fixed offset),
    parsed by numpy in C. None when the values are not that tidy."""
    first = values[0] if values else None
    suffix = _SUFFIX.search(first) if first else None
    if suffix is None:
        return None
    text = suffix.group(1)
    if not all(v and v.endswith(text) for v in values):
        return None
    offset = 0 if text == "Z" else (int(text[1:3]) * 3600 + int(text[4:6]) * 60)
    if text.startswith("-"):
        offset = -offset
    cut = len(text)
    try:
        with warnings.catch_warnings():
            # numpy warns, and will one day fail, on a zone left in the text: slow path then.
            warnings.simplefilter("error", DeprecationWarning)
            moments = np.array([v[:-cut] for v in values if v], dtype="datetime64[us]")
    except (ValueError, TypeError, OverflowError, DeprecationWarning):
        return None
    # Whole microseconds over 1e6, as datetime.timestamp() computes them: a batch read
    # here and one read a value at a time give the same floats.
    return (moments.astype(np.int64) - offset * 1_000_000) / 1e6


def to_times(values: Sequence[str | None], lines: Sequence[int]) -> FloatArray:
    fast = _uniform_times(values)
    if fast is not None:
        return fast
    out = np.full(len(values), np.nan)
    for index, value in enumerate(values):
        if not value or not value.strip():
            continue
        try:
            out[index] = parse_time(value)
        except (ValueError, OverflowError, OSError):
            line = lines[index] if index < len(lines) else None
            where = f"line {line}: " if line else ""
            raise TrackError(
                f"{where}time {_quote(value)} is not an ISO 8601 date and time", line=line
            ) from None
    return out


def optional_time(text: str | None, what: str, line: int | None) -> float | None:
    if text is None or not text.strip():
        return None
    try:
        return parse_time(text)
    except (ValueError, OverflowError, OSError):
        where = f"line {line}: " if line else ""
        raise TrackError(
            f"{where}{what} {_quote(text)} is not an ISO 8601 date and time", line=line
        ) from None


def optional_float(text: str | None, what: str, line: int | None) -> float | None:
    if text is None or not text.strip():
        return None
    try:
        value = float(text)
    except ValueError:
        where = f"line {line}: " if line else ""
        raise TrackError(f"{where}{what} {_quote(text)} is not a number", line=line) from None
    return value if np.isfinite(value) else None


def combine(first: FloatArray, second: FloatArray) -> FloatArray:
    """`first`, with its gaps filled from `second`."""
    return np.where(np.isnan(first), second, first)


def order_warning(time: FloatArray, lines: Sequence[int]) -> str | None:
    """One warning when timestamps repeat or go backwards; the order is kept as written."""
    finite = np.flatnonzero(np.isfinite(time))
    if finite.size < 2:
        return None
    steps = np.diff(time[finite])
    bad = np.flatnonzero(steps <= 0)
    if bad.size == 0:
        return None
    index = int(finite[bad[0] + 1])
    line = lines[index] if index < len(lines) else 0
    where = f" (first at line {line})" if line else ""
    return (
        f"timestamps repeat or go backwards at {bad.size} points{where}; kept in the order written"
    )


def new_track(format: Literal["gpx", "tcx"], channels: dict[str, FloatArray]) -> Track:
    return Track(
        format=format,
        time=channels["time"],
        lat=channels["lat"],
        lon=channels["lon"],
        alt=channels["alt"],
        distance=channels["distance"],
        speed=channels["speed"],
        heart_rate=channels["heart_rate"],
        cadence=channels["cadence"],
        power=channels["power"],
        temperature=channels["temperature"],
    )

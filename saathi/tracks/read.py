"""The one way into the track engine: any activity file, in any container, to a Track.

The format is told from the content, never the file name (uploads are misnamed, Strava
exports end in `.fit.gz`, phones save `.gpx` as `.xml`). Containers are unwrapped with a
budget: a gzip or ZIP bomb stops at `max_bytes` of decompressed data, a ZIP may hold at
most `MAX_MEMBERS` entries, and a container may hold one more container only in the
Strava-export shape (a `.gz` inside a ZIP).
"""

from __future__ import annotations

import gzip
import io
import os
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import BinaryIO, cast

from saathi.tracks.fit import read_fit
from saathi.tracks.gpx import parse_gpx
from saathi.tracks.tcx import parse_tcx
from saathi.tracks.track import Track, TrackError
from saathi.tracks.xml import CHUNK, MAX_PROLOG, Damage, root_name

DEFAULT_MAX_BYTES = 1 << 30
MAX_MEMBERS = 100_000
HEAD = 1 << 12
ACTIVITY_SUFFIXES = (".fit", ".gpx", ".tcx", ".fit.gz", ".gpx.gz", ".tcx.gz")
Source = str | os.PathLike[str] | bytes | bytearray | memoryview | BinaryIO

# Each container kind, and which containers it may hold.
_NESTING: dict[tuple[str, ...], tuple[str, ...]] = {
    (): ("gzip", "zip"),
    ("zip",): ("gzip",),
    ("gzip",): (),
    ("zip", "gzip"): (),
}


def detect_format(head: bytes) -> str:
    """The kind of a file from its first bytes (a few KiB): fit, gpx, tcx, gzip or zip."""
    if len(head) >= 12 and head[8:12] == b".FIT":
        return "fit"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    root = root_name(head)
    if root == "gpx":
        return "gpx"
    if root == "TrainingCenterDatabase":
        return "tcx"
    raise TrackError(f"not an activity file: {_describe(head, root)}")


def _describe(head: bytes, root: str | None) -> str:
    if not head.strip():
        return "it is empty"
    if root is not None:
        return (
            f"an XML document whose root element is <{root}>, not <gpx> or <TrainingCenterDatabase>"
        )
    shown = " ".join(f"{byte:02X}" for byte in head[:8])
    return f"it starts with the bytes {shown}, which no FIT, GPX, TCX, gzip or ZIP file does"


def read_track(
    source: Source, *, name: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Track:
    """Read one activity from a path, bytes or binary stream.

    `name` is how the caller knows the file (an upload's file name); it is only used in
    messages. Raises TrackError, and nothing else, for anything unreadable.
    """
    with ExitStack() as stack:
        stream = _open(source, stack)
        return _Reader(max_bytes).read(stream, (), name)
    raise AssertionError("unreachable")


def iter_archive(
    source: Source, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[tuple[str, bytes]]:
    """Each activity file in a ZIP archive, as (member name, raw bytes), for a bulk import.

    Members named *.fit, *.gpx, *.tcx (optionally .gz); read them with `read_track`. The
    decompressed total is capped at `max_bytes` across all members.
    """
    with ExitStack() as stack:
        stream = _open(source, stack)
        reader = _Reader(max_bytes)
        head = reader._head(stream)
        if detect_format(head) != "zip":
            raise TrackError("not a ZIP archive")
        archive = stack.enter_context(reader.open_zip(head, stream))
        with _unpacking(None):
            members = _members(archive)
        for info in members:
            if info.filename.lower().endswith(ACTIVITY_SUFFIXES):
                with _unpacking(info.filename), archive.open(info) as member:
                    data = reader.read_all(_Capped(cast(BinaryIO, member), reader.budget))
                yield info.filename, data


def _open(source: Source, stack: ExitStack) -> BinaryIO:
    if isinstance(source, bytes | bytearray | memoryview):
        return io.BytesIO(bytes(source))
    if isinstance(source, str | os.PathLike):
        try:
            return stack.enter_context(open(source, "rb"))
        except OSError as error:
            raise TrackError(f"cannot open {os.fspath(source)}: {error.strerror}") from None
    return source


def _members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise TrackError(
            f"the ZIP archive holds {len(members)} entries, more than the {MAX_MEMBERS} "
            "Saathi reads"
        )
    return [info for info in members if not info.is_dir()]


class _Budget:
    def __init__(self, limit: int):
        self.limit = limit
        self.used = 0

    def take(self, size: int) -> None:
        self.used += size
        if self.used > self.limit:
            raise TrackError(
                f"the file unpacks to more than {_size(self.limit)}, the most Saathi reads "
                "(is it a zip or gzip bomb?)"
            )


def _size(count: int) -> str:
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if count >= scale:
            return f"{count / scale:g} {unit}"
    return f"{count} bytes"


class _Capped:
    """A stream that counts what it hands out against the budget, and turns what a
    container raises mid-way (bad CRC, truncation) into a TrackError."""

    def __init__(self, stream: BinaryIO, budget: _Budget | None, head: bytes = b""):
        self._stream = stream
        self._budget = budget
        self._head = head

    def read(self, size: int = -1) -> bytes:
        if self._head:
            cut = len(self._head) if size < 0 else size
            data, self._head = self._head[:cut], self._head[cut:]
            return data
        with _unpacking(None):
            data = self._stream.read(CHUNK if size < 0 else size)
        if self._budget is not None:
            self._budget.take(len(data))
        return data


class _Reader:
    def __init__(self, max_bytes: int):
        self.budget = _Budget(max_bytes)

    def read(self, stream: BinaryIO, chain: tuple[str, ...], name: str | None) -> Track:
        head = self._head(stream)
        try:
            kind = detect_format(head)
        except TrackError as error:
            if name and error.message.startswith("not an activity file: "):
                raise TrackError(error.message.replace(": ", f": {name}: ", 1)) from None
            raise
        if kind in ("gzip", "zip") and kind not in _NESTING[chain]:
            outer = " inside a ".join(reversed(chain))
            raise TrackError(f"a {kind} inside a {outer}: containers nested this deep are refused")
        if kind == "gzip":
            raw = _Capped(stream, None, head)
            unpacked = gzip.GzipFile(fileobj=cast(BinaryIO, raw), mode="rb")
            capped = _Capped(cast(BinaryIO, unpacked), self.budget)
            return self.read(cast(BinaryIO, capped), (*chain, kind), None)
        if kind == "zip":
            return self._zip(head, stream, chain)
        capped = _Capped(stream, self.budget, head)
        if kind == "fit":
            return _fit(self.read_all(capped))
        return _xml(kind, capped)

    def _head(self, stream: BinaryIO) -> bytes:
        """Enough of the start to tell the format: a few KiB, more for a long XML prolog."""
        head = b""
        with _unpacking(None):
            while len(head) < HEAD and (more := stream.read(HEAD - len(head))):
                head += more
            while (
                HEAD <= len(head) < MAX_PROLOG
                and not head.startswith((b"\x1f\x8b", b"PK"))
                and head[8:12] != b".FIT"
                and root_name(head) is None
                and (more := stream.read(HEAD * 4))
            ):
                head += more
        self.budget.take(len(head))
        return head

    def _zip(self, head: bytes, stream: BinaryIO, chain: tuple[str, ...]) -> Track:
        with self.open_zip(head, stream) as archive:
            members = _members(archive)
            chosen = [m for m in members if m.filename.lower().endswith(ACTIVITY_SUFFIXES)]
            if not chosen and len(members) == 1:
                chosen = members  # one file, oddly named: let its content decide
            if not chosen:
                raise TrackError("the ZIP archive holds no activity file (.fit, .gpx or .tcx)")
            if len(chosen) > 1:
                raise TrackError(
                    f"the file is an archive with {len(chosen)} activity files; "
                    "import it as an archive to read them all"
                )
            with _unpacking(chosen[0].filename), archive.open(chosen[0]) as member:
                return self.read(cast(BinaryIO, member), (*chain, "zip"), None)

    def open_zip(self, head: bytes, stream: BinaryIO) -> zipfile.ZipFile:
        with _unpacking(None):
            if getattr(stream, "seekable", lambda: False)():
                stream.seek(stream.tell() - len(head))
                return zipfile.ZipFile(stream)
            data = head + self.read_all(_Capped(stream, self.budget))
            return zipfile.ZipFile(io.BytesIO(data))

    def read_all(self, stream: _Capped) -> bytes:
        parts = []
        while data := stream.read(CHUNK):
            parts.append(data)
        return b"".join(parts)


@contextmanager
def _unpacking(member: str | None) -> Iterator[None]:
    """What gzip and zipfile raise, as a TrackError; a member's errors name the member."""
    prefix = f"{member} in the ZIP archive: " if member else ""
    try:
        yield
    except TrackError as error:
        if prefix:
            kind = type(error)
            raise kind(prefix + error.message, line=error.line, offset=error.offset) from None
        raise
    except EOFError:
        raise Damage(f"{prefix}the compressed data ends early (the file is cut short)") from None
    except (OSError, zlib.error, zipfile.BadZipFile, ValueError) as error:
        raise Damage(f"{prefix}the compressed data is damaged ({_short(error)})") from None
    except (RuntimeError, NotImplementedError) as error:
        raise TrackError(f"{prefix}it cannot be unpacked ({_short(error)})") from None


def _short(error: BaseException) -> str:
    """The library's words, without the raw bytes some of them quote."""
    text = str(error).split(" (b'")[0].split(": b'")[0]
    return text if len(text) <= 120 else text[:120] + "…"


def _fit(data: bytes) -> Track:
    try:
        return read_fit(data)
    except TrackError:
        raise
    except Exception as error:  # a reader's bug still reaches the user as one clear error
        raise TrackError(
            f"the FIT file could not be read ({type(error).__name__}: {error})"
        ) from error


def _xml(kind: str, stream: _Capped) -> Track:
    chunks = iter(lambda: stream.read(CHUNK), b"")
    parse = parse_gpx if kind == "gpx" else parse_tcx
    try:
        return parse(chunks)
    except TrackError:
        raise
    except Exception as error:  # a reader's bug still reaches the user as one clear error
        raise TrackError(
            f"the {kind.upper()} file could not be read ({type(error).__name__}: {error})"
        ) from error

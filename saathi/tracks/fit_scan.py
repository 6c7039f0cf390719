"""Find the messages in a FIT file: the one loop over message headers, and the CRC.

The loop has to be Python (definitions change as the file goes, and a data message's
size is only known from its definition) so it does as little as it can: for each data
message it notes which definition it uses, and it takes the repeating runs of messages
that make up most files in one step. fit_decode.py then decodes the fields in bulk.

Damage part-way ends the scan and is reported in Scan.damage (what was read before it is
kept); only a buffer that does not start with a FIT header raises TrackError here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate

import numpy as np
import numpy.typing as npt

from saathi.tracks.track import TrackError

IntArray = npt.NDArray[np.int64]

# A repeating cycle of data messages is looked for among at most this many messages, and
# confirmed this many repeats at a time (bounding the numpy window).
MAX_CYCLE = 4
PYTHON_REPEATS = 16
FIRST_REPEATS = 16
MAX_REPEATS = 4096
# The CRC is checked this many bytes at a time, in columns of this many 2-byte words
# (powers of two; about the square root of the chunk's words balances numpy's work).
CRC_CHUNK = 1 << 18
CRC_WORDS = 1 << 8


@dataclass(frozen=True)
class Definition:
    """A definition message: which global message, and where each field sits in its data."""

    global_num: int
    big_endian: bool
    # field number -> (byte offset within the data message, size, base type number)
    fields: dict[int, tuple[int, int, int]]
    size: int


@dataclass
class Scan:
    """Which definition every data message uses, in file order, and where runs start.

    Positions are not stored per message (a Python int each would cost 36 bytes): data
    messages follow each other back to back, so their positions are worked out later
    from their sizes, restarting at each jump: (message index, byte where it starts),
    noted after every definition message and at every chained file's start.
    """

    kinds: list[int] = field(default_factory=list)
    jumps: list[tuple[int, int]] = field(default_factory=list)
    # Compressed-timestamp headers: index into kinds, and the 5-bit time offset.
    compressed_at: list[int] = field(default_factory=list)
    compressed_offset: list[int] = field(default_factory=list)
    definitions: list[Definition] = field(default_factory=list)
    known: dict[bytes, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    damage: tuple[int, str] | None = None
    # A header naming an undefined type usually means the message before it was shorter
    # than its definition (the Strava Android app writes such records), so that
    # message's values are the next message's bytes: it cannot be trusted.
    last_message_garbled: bool = False


class _Damage(Exception):
    def __init__(self, offset: int, reason: str, *, misaligned: bool = False):
        super().__init__(reason)
        self.offset = offset
        self.reason = reason
        self.misaligned = misaligned


def scan_file(buf: bytes) -> Scan:
    """Walk every chained FIT file in the buffer, noting its data messages."""
    scan = Scan()
    start = 0
    while start < len(buf):
        header = _header(buf, start, first=start == 0)
        if header is None:
            scan.warnings.append(
                f"Bytes {start:,} to {len(buf):,} after the FIT data are not FIT data; ignored."
            )
            break
        header_size, data_end = header
        if data_end > len(buf):
            data_end = len(buf)
        try:
            _walk(buf, start + header_size, data_end, scan)
        except _Damage as damage:
            scan.damage = (damage.offset, damage.reason)
            # Only a data message read right before the damage, in this same file.
            scan.last_message_garbled = damage.misaligned and scan.jumps[-1][0] < len(scan.kinds)
            # A compressed-timestamp message cut off at the end was noted but not kept.
            while scan.compressed_at and scan.compressed_at[-1] >= len(scan.kinds):
                scan.compressed_at.pop()
                scan.compressed_offset.pop()
            break
        if data_end + 2 <= len(buf) and not crc_ok(buf, start, data_end + 2):
            scan.warnings.append(
                f"The FIT checksum at byte {data_end:,} does not match: the file may be "
                "damaged, but everything in it was read."
            )
        start = data_end + 2
        if len(buf) - start < 12:  # too short for another header: padding, not data
            break
    return scan


def _header(buf: bytes, start: int, *, first: bool) -> tuple[int, int] | None:
    size = buf[start]
    if len(buf) - start < 12 or size < 12 or buf[start + 8 : start + 12] != b".FIT":
        if first:
            raise TrackError(
                "This is not a FIT file: it does not start with a FIT header.", offset=0
            )
        return None
    data_size = int.from_bytes(buf[start + 4 : start + 8], "little")
    if data_size == 0:  # written by devices that never closed the file: read to the end
        return size, len(buf)
    return size, start + size + data_size


def _walk(buf: bytes, pos: int, end: int, scan: Scan) -> None:
    """The one per-message loop: kept to the bare minimum of work for speed.

    Most of a file is a short cycle of data messages repeated (record; or record, hr)
    with now and then another message between. The loop notes where a candidate cycle
    begins; when its first header comes round again the cycle is known, and every time
    its first header shows up, _repeat takes in all the repeats that follow at once.
    """
    local = [-1] * 16
    sizes = [0] * 16
    kinds = scan.kinds
    add_kind = kinds.append
    scan.jumps.append((len(kinds), pos))
    cycle_header, cycle_pos, cycle_at = -1, pos, 0
    known: _Cycle | None = None
    known_header = -1
    while pos < end:
        header = buf[pos]
        if header == cycle_header:
            # A new cycle replaces the known one only if it repeats at least once.
            candidate = _cycle(buf, cycle_pos, pos, scan, cycle_at)
            cycle_header, after = -1, _repeat(buf, pos, end, scan, candidate)
            if after > pos:
                known, known_header, pos = candidate, header, after
                if pos >= end:
                    break
                header = buf[pos]
        if header == known_header and known is not None:
            cycle_header, pos = -1, _repeat(buf, pos, end, scan, known)
            if pos >= end:
                break
            header = buf[pos]
        if header & 0x80:
            slot = (header >> 5) & 0x03
            if local[slot] >= 0:
                scan.compressed_at.append(len(kinds))
                scan.compressed_offset.append(header & 0x1F)
        elif header & 0x40:
            pos = _define(buf, pos, end, local, sizes, scan)
            scan.jumps.append((len(kinds), pos))
            # Local types may now mean other messages: what was learnt no longer holds.
            cycle_header, known, known_header = -1, None, -1
            continue
        else:
            slot = header & 0x0F
        if local[slot] < 0:
            raise _Damage(
                pos, f"a message uses local type {slot}, which was never defined", misaligned=True
            )
        if pos + 1 + sizes[slot] > end:
            raise _Damage(pos, "the file ends in the middle of a message")
        if cycle_header < 0 or len(kinds) > cycle_at + MAX_CYCLE:
            cycle_header, cycle_pos, cycle_at = header, pos, len(kinds)
        add_kind(local[slot])
        pos += 1 + sizes[slot]


@dataclass(frozen=True)
class _Cycle:
    """A run of data messages that repeats: their kinds and where their headers sit."""

    kinds: list[int]
    at: list[int]  # offset of each message's header from the start of the cycle
    headers: list[int]
    # Compressed-timestamp headers carry the time in their low five bits: compare the rest.
    masks: list[int]
    length: int  # bytes


def _cycle(buf: bytes, start: int, pos: int, scan: Scan, first: int) -> _Cycle:
    """The cycle of messages kinds[first:], which lie from `start` to `pos`."""
    kinds = scan.kinds[first:]
    at = [0, *accumulate(1 + scan.definitions[k].size for k in kinds[:-1])]
    headers = [buf[start + o] for o in at]
    masks = [0xE0 if h & 0x80 else 0xFF for h in headers]
    return _Cycle(kinds, at, headers, masks, pos - start)


def _repeat(buf: bytes, pos: int, end: int, scan: Scan, cycle: _Cycle) -> int:
    """Take in all the repeats of a cycle from pos; return where the first misfit starts.

    A data message's header byte fixes its size, so if every header byte sits where the
    cycle says it should, every message does: checking those bytes is enough.
    """
    if len(cycle.at) <= 3 and 0xE0 not in cycle.masks:
        return _repeat_plain(buf, pos, end, scan, cycle)
    length = cycle.length
    packed = [i for i, m in enumerate(cycle.masks) if m != 0xFF]
    # Plain Python for the first few repeats: numpy's set-up costs more than checking a
    # few header bytes, and most cycles break soon.
    whole = 0
    while whole < PYTHON_REPEATS and pos + length <= end:
        if any(
            (buf[pos + o] ^ h) & m
            for o, h, m in zip(cycle.at, cycle.headers, cycle.masks, strict=True)
        ):
            return pos
        for i in packed:
            scan.compressed_at.append(len(scan.kinds) + i)
            scan.compressed_offset.append(buf[pos + cycle.at[i]] & 0x1F)
        scan.kinds.extend(cycle.kinds)
        whole += 1
        pos += length
    return pos if whole < PYTHON_REPEATS else _repeat_numpy(buf, pos, end, scan, cycle)


def _repeat_numpy(buf: bytes, pos: int, end: int, scan: Scan, cycle: _Cycle) -> int:
    """_repeat for long runs: numpy checks thousands of repeats at a time."""
    length, offsets = cycle.length, np.array(cycle.at, np.int64)
    mask = np.array(cycle.masks, np.uint8)
    expected = np.array(cycle.headers, np.uint8) & mask
    compressed = np.flatnonzero(mask != 0xFF)
    attempt = FIRST_REPEATS
    while True:
        repeats = min((end - pos) // length, attempt)
        if repeats == 0:
            return pos
        window = np.frombuffer(buf, np.uint8, repeats * length, pos).reshape(repeats, length)
        headers = window[:, offsets]
        fits = ((headers & mask) == expected).all(axis=1)
        whole = int(repeats if fits.all() else np.argmin(fits))
        if compressed.size:
            where = len(scan.kinds) + np.arange(whole)[:, None] * len(cycle.kinds) + compressed
            scan.compressed_at.extend(where.ravel().tolist())
            scan.compressed_offset.extend((headers[:whole, compressed] & 0x1F).ravel().tolist())
        scan.kinds.extend(cycle.kinds * whole)
        pos += whole * length
        if whole < repeats:
            return pos
        # Long regular stretches are common (a record a second for hours): look further.
        attempt = min(attempt * 8, MAX_REPEATS)


def _repeat_plain(buf: bytes, pos: int, end: int, scan: Scan, cycle: _Cycle) -> int:
    """_repeat for the usual short cycles of plain headers: a tight loop on header bytes."""
    length, begin = cycle.length, pos
    last = end - length
    first = cycle.headers[0]
    if len(cycle.at) == 1:
        while pos <= last and buf[pos] == first:
            pos += length
    elif len(cycle.at) == 2:
        second, at2 = cycle.headers[1], cycle.at[1]
        while pos <= last and buf[pos] == first and buf[pos + at2] == second:
            pos += length
    else:
        second, third = cycle.headers[1], cycle.headers[2]
        at2, at3 = cycle.at[1], cycle.at[2]
        while (
            pos <= last
            and buf[pos] == first
            and buf[pos + at2] == second
            and buf[pos + at3] == third
        ):
            pos += length
    scan.kinds.extend(cycle.kinds * ((pos - begin) // length))
    return pos


def _define(buf: bytes, pos: int, end: int, local: list[int], sizes: list[int], scan: Scan) -> int:
    """Read a definition message at pos; return where the next message starts."""
    header = buf[pos]
    fields_end = pos + 6 + 3 * (buf[pos + 5] if pos + 5 < end else 0)
    stop = fields_end + (1 + 3 * buf[fields_end] if header & 0x20 and fields_end < end else 0)
    if stop > end or (header & 0x20 and fields_end >= end):
        raise _Damage(pos, "the file ends in the middle of a message definition")
    if buf[pos + 2] > 1:
        raise _Damage(pos, "a message definition is corrupt (unknown byte order)")
    key = bytes([header & 0x20]) + buf[pos + 2 : stop]
    kind = scan.known.get(key)
    if kind is None:
        kind = len(scan.definitions)
        scan.definitions.append(_definition(buf, pos, fields_end, stop))
        scan.known[key] = kind
    local[header & 0x0F] = kind
    sizes[header & 0x0F] = scan.definitions[kind].size
    return stop


def _definition(buf: bytes, pos: int, fields_end: int, stop: int) -> Definition:
    big_endian = buf[pos + 2] == 1
    global_num = int.from_bytes(buf[pos + 3 : pos + 5], "big" if big_endian else "little")
    fields: dict[int, tuple[int, int, int]] = {}
    offset = 0
    for at in range(pos + 6, fields_end, 3):
        number, size, base = buf[at], buf[at + 1], buf[at + 2] & 0x1F
        fields.setdefault(number, (offset, size, base))
        offset += size
    # Developer fields carry their own sizes; their values are skipped.
    for at in range(fields_end + 1, stop, 3):
        offset += buf[at + 1]
    return Definition(global_num, big_endian, fields, offset)


def crc_ok(buf: bytes, start: int, stop: int) -> bool:
    """True when the FIT file in buf[start:stop], its 2-byte CRC included, checks out."""
    return crc16(buf, start, stop) == 0


def crc16(buf: bytes, start: int = 0, stop: int | None = None) -> int:
    """The FIT CRC of buf[start:stop] (the demo's FIT writer signs its files with it).

    The CRC (CRC-16/ARC: starts at 0, nothing xored out) of data followed by its own CRC
    is 0. It is linear: the CRC of A then B is the CRC of A moved on by len(B) zero bytes,
    xored with the CRC of B. So the file is taken in chunks, and within a chunk numpy
    runs the CRC on many columns side by side, two bytes a step, folding the columns
    together in a tree: no Python step per byte, and only a chunk's worth of copies.
    """
    stop = len(buf) if stop is None else stop
    length = stop - start
    # Zero bytes in front leave a CRC that starts at 0 unchanged: the first chunk is
    # padded with them so that every chunk is whole.
    first = start - (-length % CRC_CHUNK)
    low, high = _zeros_shift(CRC_CHUNK.bit_length() - 1)
    crc = 0
    for chunk in range(first, stop, CRC_CHUNK):
        data = np.frombuffer(
            buf, np.uint8, chunk + CRC_CHUNK - max(chunk, start), max(chunk, start)
        )
        if chunk < start:
            data = np.concatenate((np.zeros(start - chunk, np.uint8), data))
        crc = int(low[crc & 0xFF] ^ high[crc >> 8]) ^ _chunk_crc(data)
    return crc


def _chunk_crc(data: npt.NDArray[np.uint8]) -> int:
    columns = data.view("<u2").reshape(CRC_WORDS, -1, order="F")  # column j: words j*W...
    crc = np.zeros(columns.shape[1], np.uint16)
    for row in columns:
        crc = _CRC_WORD[crc ^ row]
    folded = crc.astype(np.int64)
    level = (2 * CRC_WORDS).bit_length() - 1  # each column spans 2**level bytes
    while len(folded) > 1:
        low, high = _zeros_shift(level)
        first = folded[0::2]
        folded = low[first & 0xFF] ^ high[first >> 8] ^ folded[1::2]
        level += 1
    return int(folded[0])


def _crc_tables() -> tuple[IntArray, npt.NDArray[np.uint16]]:
    table = np.arange(256, dtype=np.int64)
    for _ in range(8):
        table = np.where(table & 1, (table >> 1) ^ 0xA001, table >> 1)
    # Two bytes at once: the 16-bit state xored with the next word is wholly consumed.
    word = np.arange(65536, dtype=np.int64)
    for _ in range(2):
        word = table[word & 0xFF] ^ (word >> 8)
    return table, word.astype(np.uint16)


_CRC_BYTE, _CRC_WORD = _crc_tables()


@cache
def _zeros_shift(level: int) -> tuple[IntArray, IntArray]:
    """Tables moving a CRC on by 2**level zero bytes: low[x & 0xFF] ^ high[x >> 8]."""
    values = np.concatenate((np.arange(256), np.arange(256) << 8)).astype(np.int64)
    if level == 0:
        moved = _CRC_BYTE[values & 0xFF] ^ (values >> 8)
    else:
        low, high = _zeros_shift(level - 1)
        once = low[values & 0xFF] ^ high[values >> 8]
        moved = low[once & 0xFF] ^ high[once >> 8]
    return moved[:256], moved[256:]

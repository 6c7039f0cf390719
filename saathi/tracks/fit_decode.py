"""Decode the fields of a FIT file's messages in bulk with numpy.

fit_scan.py finds the messages; here each field is decoded for all the messages of one
definition at once, by gathering its bytes with numpy, so no Python object is made per
message. Field numbers, types, scales and offsets come from Garmin's profile
(fit_profile.py). fit.py turns the columns into a Track.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from saathi.tracks import fit_profile as profile
from saathi.tracks.fit_scan import Definition, IntArray, Scan

FloatArray = npt.NDArray[np.float64]

# Base type number (low 5 bits of the definition's base type byte) -> numpy kind and size,
# and the raw value that means "invalid" (FIT protocol, section 4.2.1.4.2).
_BASE: dict[str, tuple[str, int, int]] = {
    "enum": ("u", 1, 0xFF),
    "sint8": ("i", 1, 0x7F),
    "uint8": ("u", 1, 0xFF),
    "sint16": ("i", 2, 0x7FFF),
    "uint16": ("u", 2, 0xFFFF),
    "sint32": ("i", 4, 0x7FFFFFFF),
    "uint32": ("u", 4, 0xFFFFFFFF),
    "string": ("S", 1, 0),
    "float32": ("f", 4, 0),
    "float64": ("f", 8, 0),
    "uint8z": ("u", 1, 0),
    "uint16z": ("u", 2, 0),
    "uint32z": ("u", 4, 0),
    "byte": ("b", 1, 0xFF),
    "sint64": ("i", 8, 0x7FFFFFFFFFFFFFFF),
    "uint64": ("u", 8, 0xFFFFFFFFFFFFFFFF),
    "uint64z": ("u", 8, 0),
}
_BASE_BY_NUMBER = {number & 0x1F: _BASE[name] for number, name in profile.BASE_TYPES.items()}
TIMESTAMP_FIELD = 253


class Messages:
    """All data messages of a file, decoded one field of one definition at a time."""

    def __init__(self, buf: bytes, scan: Scan):
        self.bytes = np.frombuffer(buf, np.uint8)
        self.definitions = scan.definitions
        kinds = np.array(scan.kinds, np.int64)
        self.positions = _positions(kinds, scan)
        order = np.argsort(kinds, kind="stable")
        bounds = np.searchsorted(kinds[order], np.arange(len(scan.definitions) + 1))
        # definition index -> indices (file order) of its messages
        self.groups = {
            kind: order[bounds[kind] : bounds[kind + 1]]
            for kind in range(len(scan.definitions))
            if bounds[kind + 1] > bounds[kind]
        }
        self.fit_time = self._timestamps(scan)

    def table(self, message: str) -> tuple[IntArray, dict[str, FloatArray]]:
        """Every message of one kind in file order: message indices and scaled columns."""
        number = profile.MESSAGES[message]
        wanted = profile.FIELDS[number]
        indices: list[IntArray] = []
        columns: dict[str, list[FloatArray]] = {name: [] for name, *_ in wanted.values()}
        for kind, index in self.groups.items():
            definition = self.definitions[kind]
            if definition.global_num != number:
                continue
            indices.append(index)
            for field_num, (name, _base, scale, offset) in wanted.items():
                values = self.column(definition, index, field_num)
                if values is None:
                    values = np.full(len(index), np.nan)
                elif scale != 1.0 or offset != 0.0:
                    values = values / scale - offset
                columns[name].append(values)
        if not indices:
            return np.zeros(0, np.int64), {name: np.zeros(0) for name in columns}
        if len(indices) == 1:  # one definition: already in file order
            return indices[0], {name: parts[0] for name, parts in columns.items()}
        index = np.concatenate(indices)
        order = np.argsort(index, kind="stable")
        return index[order], {name: np.concatenate(parts)[order] for name, parts in columns.items()}

    def column(self, definition: Definition, index: IntArray, field_num: int) -> FloatArray | None:
        """One numeric field (its first element, for arrays) of some messages, NaN if invalid."""
        raw = self.raw(definition, index, field_num)
        if raw is None:
            return None
        values, invalid = raw
        out = values.astype(np.float64)
        out[invalid] = np.nan
        return out

    def raw(
        self, definition: Definition, index: IntArray, field_num: int
    ) -> tuple[npt.NDArray[np.generic], npt.NDArray[np.bool_]] | None:
        spec = definition.fields.get(field_num)
        if spec is None:
            return None
        offset, size, base = spec
        kind, width, invalid = _BASE_BY_NUMBER.get(base, ("b", 1, 0xFF))
        if kind == "S" or size < width or size % width:
            # Strings are read one by one; a size that is not a whole number of values
            # (COROS writes some) makes the field unreadable, not the file.
            return None
        starts = self.positions[index] + offset
        if kind == "b":
            # Byte arrays hold bit-packed components, least significant bit first.
            width = min(size, 4)
            data = self._gather(starts, width)
            packed = data.astype(np.uint32) << (8 * np.arange(width, dtype=np.uint32))
            return np.bitwise_or.reduce(packed, axis=1), (data == 0xFF).all(axis=1)
        dtype = np.dtype(f"{'>' if definition.big_endian else '<'}{kind}{width}")
        values = self._gather(starts, width).view(dtype).reshape(len(index))
        if kind == "f":
            return values, ~np.isfinite(values)
        return values, values == np.array(invalid).astype(dtype)

    def _gather(self, starts: IntArray, width: int) -> npt.NDArray[np.uint8]:
        # One byte column at a time keeps the temporary index array to 8 bytes a message.
        out = np.empty((len(starts), width), np.uint8)
        for byte in range(width):
            out[:, byte] = self.bytes[starts + byte]
        return out

    def strings(self, message: str, field_num: int) -> list[tuple[int, str]]:
        """A string field of every message of one kind: (message index, text)."""
        number = profile.MESSAGES[message]
        found: list[tuple[int, str]] = []
        for kind, index in self.groups.items():
            definition = self.definitions[kind]
            spec = definition.fields.get(field_num)
            if definition.global_num != number or spec is None:
                continue
            offset, size, _base = spec
            for i in index[:1000].tolist():
                start = int(self.positions[i]) + offset
                text = bytes(self.bytes[start : start + size]).split(b"\0", 1)[0]
                found.append((i, text.decode("utf-8", "replace").strip()))
        return sorted(found)

    def _timestamps(self, scan: Scan) -> IntArray:
        """The FIT time of every message (-1 where it has none), compressed ones resolved."""
        times = np.full(len(self.positions), -1, np.int64)
        wanted = set(profile.MESSAGES.values())
        for kind, index in self.groups.items():
            definition = self.definitions[kind]
            if not scan.compressed_at and definition.global_num not in wanted:
                continue
            raw = self.raw(definition, index, TIMESTAMP_FIELD)
            if raw is not None and raw[0].dtype.kind in "ui":
                values, invalid = raw
                times[index] = np.where(invalid, -1, values.astype(np.int64))
        if scan.compressed_at:
            _resolve_compressed(times, scan)
        return times


def _positions(kinds: IntArray, scan: Scan) -> IntArray:
    """Where each data message's content starts (just after its header byte)."""
    if len(kinds) == 0:
        return np.zeros(0, np.int64)
    sizes = np.array([d.size for d in scan.definitions], np.int64)
    before = np.concatenate(([0], np.cumsum(1 + sizes[kinds])))  # bytes before each message
    jump_at = np.array([at for at, _ in scan.jumps], np.int64)
    jump_to = np.array([to for _, to in scan.jumps], np.int64)
    # Several jumps can share a message index (definitions back to back): the last counts.
    run = np.searchsorted(jump_at, np.arange(len(kinds)), side="right") - 1
    starts: IntArray = jump_to[run] + before[:-1] - before[jump_at[run]] + 1
    return starts


def _resolve_compressed(times: IntArray, scan: Scan) -> None:
    """Give compressed-timestamp messages their times, in place.

    Each one adds (offset - previous time) mod 32 seconds to the time of the message
    before it that had a time: a running sum, restarted at every full timestamp.
    """
    compressed = np.array(scan.compressed_at, np.int64)
    low = np.full(len(times), -1, np.int64)
    full = times >= 0
    low[full] = times[full] & 0x1F
    low[compressed] = np.array(scan.compressed_offset, np.int64)
    timed = np.flatnonzero(low >= 0)
    is_full = full[timed]
    step = (low[timed] - np.concatenate(([0], low[timed][:-1]))) & 0x1F
    step[is_full] = 0
    run = np.cumsum(is_full) - 1
    total = np.cumsum(step)
    base_time = times[timed][is_full]
    base_total = total[is_full]
    has_base = run >= 0
    safe_run = np.where(has_base, run, 0)
    if base_time.size:
        resolved = base_time[safe_run] + total - base_total[safe_run]
        times[timed] = np.where(has_base, resolved, -1)

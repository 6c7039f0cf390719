"""A long FIT file reads in memory bounded by a small multiple of its decoded arrays:
no Python object per record."""

from __future__ import annotations

import struct
import tracemalloc

from saathi.tracks.fit import read_fit
from tests.paths import TESTDATA


def _repeated(name: str, megabytes: float) -> tuple[bytes, int]:
    """The file's messages (definitions included) over and over under one header."""
    source = (TESTDATA / "fit" / name).read_bytes()
    body = source[source[0] : -2]
    copies = int(megabytes * 1e6 // len(body))
    data = body * copies
    header = struct.pack("<BBHI4s", 12, 0x10, 2132, len(data), b".FIT")
    return header + data + b"\0\0", copies


def test_a_long_file_reads_within_three_times_the_size_of_its_arrays() -> None:
    data, copies = _repeated("garmin-edge-500-activity.fit", 8)
    tracemalloc.start()
    try:
        track = read_fit(data)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(track) == 10686 * copies
    arrays = 10 * 8 * len(track)  # ten float64 channels
    assert peak < 3 * arrays
    # The made-up file's checksum is zero: read anyway, with a warning.
    assert any("checksum" in w for w in track.warnings)

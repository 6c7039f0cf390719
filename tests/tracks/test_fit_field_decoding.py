"""Fields decode by the FIT protocol's rules, checked on small files written here by hand:
byte order, invalid values, scale and offset, developer fields, arrays, odd sizes, CRC."""

from __future__ import annotations

import struct

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saathi.tracks.fit import read_fit
from saathi.tracks.fit_scan import crc_ok
from saathi.tracks.track import TrackError

FIT_EPOCH = 631065600
UINT8, UINT16, SINT32, UINT32, BYTE = 0x02, 0x84, 0x85, 0x86, 0x0D
# record: timestamp, position_lat, position_long, altitude, heart_rate, power
RECORD_FIELDS = [(253, 4, UINT32), (0, 4, SINT32), (1, 4, SINT32), (2, 2, UINT16), (3, 1, UINT8)]
RECORD_FIELDS += [(7, 2, UINT16)]


def fit_crc(data: bytes) -> int:
    """The FIT protocol document's CRC-16 routine, nibble by nibble."""
    table = [0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401]
    table += [0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400]
    crc = 0
    for byte in data:
        for nibble in (byte & 0xF, byte >> 4):
            tmp = table[crc & 0xF]
            crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ table[nibble]
    return crc


def fit_file(*messages: bytes, good_crc: bool = True) -> bytes:
    body = b"".join(messages)
    data = struct.pack("<BBHI4s", 12, 0x10, 2132, len(body), b".FIT") + body
    return data + struct.pack("<H", fit_crc(data) if good_crc else fit_crc(data) ^ 0x5A5A)


def definition(
    local: int,
    number: int,
    fields: list[tuple[int, int, int]],
    *,
    big: bool = False,
    developer: list[tuple[int, int, int]] | None = None,
) -> bytes:
    out = bytes([0x40 | local | (0x20 if developer else 0), 0, int(big)])
    out += number.to_bytes(2, "big" if big else "little") + bytes([len(fields)])
    out += b"".join(bytes(f) for f in fields)
    if developer:
        out += bytes([len(developer)]) + b"".join(bytes(f) for f in developer)
    return out


def record(local: int, values: tuple[int, ...], *, big: bool = False, extra: bytes = b"") -> bytes:
    order = ">" if big else "<"
    return bytes([local]) + struct.pack(order + "IiiHBH", *values) + extra


SAMPLE = (1_000_000_000, 2**29, -(2**28), 2600, 150, 250)  # 45°, -22.5°, 20 m


def test_big_endian_and_little_endian_records_decode_alike() -> None:
    track = read_fit(
        fit_file(
            definition(0, 20, RECORD_FIELDS),
            record(0, SAMPLE),
            definition(1, 20, RECORD_FIELDS, big=True),
            record(1, (SAMPLE[0] + 1, *SAMPLE[1:]), big=True),
        )
    )
    np.testing.assert_array_equal(track.time, [1e9 + FIT_EPOCH, 1e9 + 1 + FIT_EPOCH])
    np.testing.assert_array_equal(
        track.lat, [45.0, 45.0]
    )  # 2**29 semicircles = 2**29 * 180 / 2**31 degrees
    np.testing.assert_array_equal(track.lon, [-22.5, -22.5])
    np.testing.assert_array_equal(track.alt, [20.0, 20.0])  # 2600 / 5 - 500
    np.testing.assert_array_equal(track.heart_rate, [150, 150])
    np.testing.assert_array_equal(track.power, [250, 250])


def test_invalid_values_become_nan() -> None:
    invalid = (1_000_000_000, 0x7FFFFFFF, 0x7FFFFFFF, 0xFFFF, 0xFF, 0xFFFF)
    track = read_fit(fit_file(definition(0, 20, RECORD_FIELDS), record(0, invalid)))
    assert len(track) == 1 and track.time[0] == 1e9 + FIT_EPOCH
    for channel in ("lat", "lon", "alt", "heart_rate", "power", "speed", "cadence"):
        assert np.isnan(getattr(track, channel)[0]), channel
    assert track.altitude_source == "none"


def test_developer_fields_are_skipped_without_disturbing_the_others() -> None:
    developer = [(0, 3, 0), (1, 2, 0)]  # five bytes of a developer's own data
    track = read_fit(
        fit_file(
            definition(0, 20, RECORD_FIELDS, developer=developer),
            record(0, SAMPLE, extra=b"\x01\x02\x03\x04\x05"),
            record(0, (SAMPLE[0] + 1, *SAMPLE[1:]), extra=b"\xff" * 5),
        )
    )
    assert len(track) == 2
    np.testing.assert_array_equal(track.heart_rate, [150, 150])


def test_a_field_whose_size_is_not_a_whole_number_of_values_is_missing_not_fatal() -> None:
    # COROS writes fields like this: a 3-byte uint16 heart rate cannot be read.
    fields = [(253, 4, UINT32), (3, 3, UINT16)]
    track = read_fit(
        fit_file(definition(0, 20, fields), bytes([0]) + struct.pack("<I", 5) + b"abc")
    )
    assert len(track) == 1 and np.isnan(track.heart_rate[0])


def test_an_array_field_gives_its_first_element() -> None:
    # session enhanced_avg_speed (124) written as two uint32, as a Forerunner 255 does.
    session = definition(1, 18, [(253, 4, UINT32), (124, 8, UINT32)])
    data = bytes([1]) + struct.pack("<III", 1_000_000_100, 760, 65535)
    track = read_fit(fit_file(definition(0, 20, RECORD_FIELDS), record(0, SAMPLE), session, data))
    assert track.sessions[0].totals.avg_speed_mps == pytest.approx(0.76)


def test_compressed_timestamp_headers_count_on_from_the_last_full_timestamp() -> None:
    # Local type 1 = record with heart rate only; its data uses compressed-time headers.
    hr_only = definition(1, 20, [(3, 1, UINT8)])
    full = 1_000_000_030  # low five bits: 30
    messages = [definition(0, 20, RECORD_FIELDS), record(0, (full, *SAMPLE[1:])), hr_only]
    for offset, hr in ((31, 100), (2, 101), (2, 102), (5, 103)):  # 5-bit offsets, wrapping
        messages.append(bytes([0x80 | (1 << 5) | offset, hr]))
    track = read_fit(fit_file(*messages))
    # 30 -> 31 (+1) -> 2 (+3, wrapped) -> 2 (+0) -> 5 (+3)
    expected = np.array([0, 1, 4, 4, 7]) + full + FIT_EPOCH
    np.testing.assert_array_equal(track.time, expected)
    np.testing.assert_array_equal(track.heart_rate, [150, 100, 101, 102, 103])


def test_a_wrong_checksum_is_a_warning_not_an_error() -> None:
    good = read_fit(fit_file(definition(0, 20, RECORD_FIELDS), record(0, SAMPLE)))
    bad = read_fit(fit_file(definition(0, 20, RECORD_FIELDS), record(0, SAMPLE), good_crc=False))
    assert good.warnings == []
    assert len(bad) == 1 and "checksum" in bad.warnings[0]


def test_a_file_without_records_has_no_track_points() -> None:
    file_id = definition(0, 0, [(1, 2, UINT16)]) + bytes([0]) + struct.pack("<H", 1)
    with pytest.raises(TrackError, match="has no track points"):
        read_fit(fit_file(file_id))


@settings(max_examples=50, deadline=None)
@given(st.binary(min_size=1, max_size=3000))
def test_the_numpy_crc_agrees_with_the_fit_documents_routine(data: bytes) -> None:
    with_crc = data + struct.pack("<H", fit_crc(data))
    assert crc_ok(with_crc, 0, len(with_crc))
    assert not crc_ok(with_crc[:-1] + bytes([with_crc[-1] ^ 1]), 0, len(with_crc))


def test_long_runs_of_compressed_timestamp_messages_keep_their_order_and_times() -> None:
    # Hundreds of repeats of (compressed-time heart rate, full record): long enough for the
    # reader to take them in bulk. The offset equals the full time's low five bits, so
    # every compressed time equals the full time before it.
    full = 1_000_000_007  # low five bits: 7
    messages = [definition(0, 20, RECORD_FIELDS), definition(1, 20, [(3, 1, UINT8)])]
    for i in range(600):
        messages.append(bytes([0x80 | (1 << 5) | 7, i % 200]))
        messages.append(record(0, (full + 32 * i, *SAMPLE[1:])))
    track = read_fit(fit_file(*messages))
    assert len(track) == 1200
    np.testing.assert_array_equal(track.heart_rate[0::2], np.arange(600) % 200)
    np.testing.assert_array_equal(track.heart_rate[1::2], 150)
    expected = full + 32 * np.arange(600) + FIT_EPOCH
    np.testing.assert_array_equal(track.time[1::2], expected)
    np.testing.assert_array_equal(track.time[2::2], expected[:-1])

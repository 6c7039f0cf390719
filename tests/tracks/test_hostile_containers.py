"""Zip and gzip bombs stop at the decompressed-size cap with an error naming it."""

from __future__ import annotations

import gzip
import io
import time
import zipfile

import pytest

from saathi.tracks import read as read_module
from saathi.tracks.read import iter_archive, read_track
from saathi.tracks.track import TrackError

HEAD = b'<gpx xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>'
POINT = b'<trkpt lat="1" lon="2"><ele>3</ele></trkpt>'


def _gzip_bomb(size: int) -> bytes:
    """A GPX that unpacks to `size` bytes of points from a few KiB."""
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9) as out:
        out.write(HEAD)
        block = POINT * 1000
        for _ in range(size // len(block)):
            out.write(block)
    return buffer.getvalue()


def test_a_gzip_bomb_stops_at_the_cap_and_names_it():
    bomb = _gzip_bomb(64 << 20)
    assert len(bomb) < 1 << 20
    started = time.monotonic()
    with pytest.raises(TrackError, match="more than 4 MiB"):
        read_track(bomb, max_bytes=4 << 20)
    assert time.monotonic() - started < 30


def test_a_zip_bomb_stops_at_the_cap():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.fit", bytes(64 << 20))
    with pytest.raises(TrackError, match="more than 1 MiB"):
        read_track(buffer.getvalue(), max_bytes=1 << 20)


def test_iter_archive_caps_the_total_over_all_members():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for index in range(8):
            archive.writestr(f"{index}.gpx", HEAD + POINT * 20000)
    with pytest.raises(TrackError, match="more than 2 MiB"):
        list(iter_archive(buffer.getvalue(), max_bytes=2 << 20))


def test_a_zip_with_too_many_entries_is_refused(monkeypatch):
    monkeypatch.setattr(read_module, "MAX_MEMBERS", 50)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for index in range(51):
            archive.writestr(f"{index}.txt", b"")
    with pytest.raises(TrackError, match="51 entries"):
        read_track(buffer.getvalue())


def test_an_encrypted_zip_member_is_a_track_error():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.gpx", HEAD + POINT + b"</trkseg></trk></gpx>")
    data = bytearray(buffer.getvalue())
    # Set the "encrypted" flag in both the local and the central header.
    data[6] |= 1
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 1
    with pytest.raises(TrackError, match=r"cannot be unpacked|damaged"):
        read_track(bytes(data))

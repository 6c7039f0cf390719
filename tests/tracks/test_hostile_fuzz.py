"""Cut or mangled real GPX and TCX files give a Track or one TrackError, never anything else.

Real files are truncated at any byte and have bytes overwritten, inserted or deleted;
each case must finish quickly (no hang) and raise only TrackError.
"""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saathi.tracks.read import read_track
from saathi.tracks.track import Track, TrackError
from tests.paths import TESTDATA

# Small files, so each example runs in milliseconds.
SOURCES = [
    (TESTDATA / "gpx" / "Friday-Evening-Run.gpx").read_bytes(),
    (TESTDATA / "gpx" / "run_gpxtpx.gpx").read_bytes(),
    (TESTDATA / "tcx" / "activity_5039744860.tcx").read_bytes()[:20000],
    (TESTDATA / "malformed" / "bad.tcx").read_bytes(),
]
FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _only_track_or_track_error(data: bytes) -> None:
    started = time.monotonic()
    try:
        track = read_track(data)
    except TrackError as error:
        assert error.message
    else:
        assert isinstance(track, Track)
        assert len(track.time) == len(track.lat)
    assert time.monotonic() - started < 5


@FUZZ
@given(source=st.sampled_from(SOURCES), cut=st.floats(0, 1))
def test_a_file_cut_anywhere_gives_a_track_or_a_track_error(source: bytes, cut: float):
    _only_track_or_track_error(source[: int(len(source) * cut)])


@FUZZ
@given(
    source=st.sampled_from(SOURCES),
    edits=st.lists(
        st.tuples(
            st.floats(0, 1),
            st.sampled_from(["put", "insert", "delete"]),
            st.binary(min_size=1, max_size=8),
        ),
        min_size=1,
        max_size=6,
    ),
)
def test_a_file_with_mangled_bytes_gives_a_track_or_a_track_error(
    source: bytes, edits: list[tuple[float, str, bytes]]
):
    data = bytearray(source)
    for where, how, chunk in edits:
        at = int(len(data) * where)
        if how == "put":
            data[at : at + len(chunk)] = chunk
        elif how == "insert":
            data[at:at] = chunk
        else:
            del data[at : at + len(chunk)]
    _only_track_or_track_error(bytes(data))


@FUZZ
@given(
    source=st.sampled_from(SOURCES),
    where=st.floats(0, 1),
    text=st.sampled_from(
        [b"&", b"<", b"]]>", b"<!DOCTYPE x>", b"\x00", b"\xff\xfe", b"NaN", b"-1e999", b"</trk>"]
    ),
)
def test_a_file_with_xml_tokens_dropped_in_gives_a_track_or_a_track_error(
    source: bytes, where: float, text: bytes
):
    at = int(len(source) * where)
    _only_track_or_track_error(source[:at] + text + source[at:])


GZIPPED = (TESTDATA / "gpx" / "osmand_gzipped-gpx.gpx.gz").read_bytes()


@FUZZ
@given(cut=st.floats(0, 1), where=st.floats(0, 1), chunk=st.binary(min_size=1, max_size=4))
def test_a_cut_or_mangled_gzip_gives_a_track_or_a_track_error(
    cut: float, where: float, chunk: bytes
):
    data = bytearray(GZIPPED[: max(2, int(len(GZIPPED) * cut))])
    at = int(len(data) * where)
    data[at : at + len(chunk)] = chunk
    _only_track_or_track_error(bytes(data))

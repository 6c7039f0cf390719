"""Whatever is done to a real file, its two readings agree.

Markup fragments (tags, comments, references, quotes, CDATA, stray whitespace or bytes)
are written over, inserted into or deleted from real GPX and TCX files, which are then
read in chunks of any size by the fast path and by lxml alone: the Tracks, or the errors
with their lines, must be the same.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.paths import TESTDATA
from tests.tracks.fast_path import assert_same, outcome

SOURCES = [
    (TESTDATA / "gpx" / "run_gpxtpx.gpx").read_bytes(),
    (TESTDATA / "gpx" / "activity_4078723797.gpx").read_bytes()[:30000] + b"</trkseg></trk></gpx>",
    (TESTDATA / "tcx" / "activity_5039744860.tcx").read_bytes()[:25000],
]
FRAGMENTS = [
    b"<",
    b">",
    b"/>",
    b"</",
    b'"',
    b"'",
    b"=",
    b"&amp;",
    b"&#49;",
    b"<!-- x -->",
    b"<![CDATA[1]]>",
    b"]]>",
    b"<?pi x?>",
    b"\n",
    b"\r",
    b" ",
    b"\t",
    b"\x0c",
    b"\xc3\xa9",
    b"\xff",
    b"1",
    b"-",
    b".",
    b"e9",
    b"Z",
    b"<ele>",
    b"</ele>",
    b"<ele/>",
    b"<time>",
    b"</time>",
    b"<trkpt>",
    b"</trkpt>",
    b'<trkpt lat="1" lon="2">',
    b"<Trackpoint>",
    b"</Trackpoint>",
    b"<Value>",
    b"</Value>",
    b"<Position>",
    b"</Position>",
    b"</trkseg><trkseg>",
    b"</Track><Track>",
    b' xmlns:x="urn:x"',
    b"<x:y>",
    b"<ns3:hr>",
    b"<gpxtpx:hr>",
]
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(
    source=st.sampled_from(SOURCES),
    edits=st.lists(
        st.tuples(
            st.floats(0.05, 1),
            st.sampled_from(["put", "insert", "delete"]),
            st.sampled_from(FRAGMENTS),
        ),
        min_size=1,
        max_size=4,
    ),
    size=st.sampled_from([700, 4096, 1 << 17]),
)
def test_a_mangled_file_reads_the_same_on_both_paths(
    source: bytes, edits: list[tuple[float, str, bytes]], size: int
) -> None:
    data = bytearray(source)
    for where, how, fragment in edits:
        at = int(len(data) * where)
        if how == "put":
            data[at : at + len(fragment)] = fragment
        elif how == "insert":
            data[at:at] = fragment
        else:
            del data[at : at + len(fragment)]
    mangled = bytes(data)
    assert_same(outcome(mangled, size, fast=True), outcome(mangled, size, fast=False))

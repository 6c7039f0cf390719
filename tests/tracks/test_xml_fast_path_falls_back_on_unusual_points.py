"""The fast path reads tidy variations of a point itself and hands anything unusual to lxml.

One point in the middle of a real GPX or TCX file is rewritten (a comment inside it, a
CDATA section, a character reference, an end tag naming another element, odd whitespace,
a missing position...) and the file is read both ways: the Track, or the error with its
line, must be the same. Each case also says which way it must have been read: tidy
variations by the fast path to the end, unusual ones by lxml from that chunk on.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from saathi.tracks.track import TrackError
from tests.paths import TESTDATA
from tests.tracks.fast_path import (
    assert_same,
    chunks,
    count_fast_points,
    outcome,
    parser_for,
)

GPX = TESTDATA / "gpx" / "run_gpxtpx.gpx"  # Strava: gpxtpx:hr
GARMIN_GPX = TESTDATA / "gpx" / "activity_4078723797.gpx"  # Garmin Connect: ns3:atemp/hr/cad
TCX = TESTDATA / "tcx" / "activity_5039744860.tcx"

Change = Callable[[bytes], bytes]


def _sub(pattern: bytes, replacement: bytes) -> Change:
    def change(point: bytes) -> bytes:
        changed, count = re.subn(pattern, replacement, point, count=1, flags=re.DOTALL)
        assert count == 1, f"{pattern!r} not in {point[:200]!r}"
        return changed

    return change


# name: (change to a GPX point, change to a TCX point, read fast to the end? (GPX, TCX))
CASES: dict[str, tuple[Change, Change, bool | tuple[bool, bool]]] = {
    "a comment inside the point": (
        _sub(rb"(</ele>)", rb"\1<!-- barometer -->"),
        _sub(rb"(</Time>)", rb"\1<!-- note -->"),
        False,
    ),
    "a CDATA section for a value": (
        _sub(rb"<ele>([^<]*)</ele>", rb"<ele><![CDATA[\1]]></ele>"),
        _sub(rb"<Value>([^<]*)</Value>", rb"<Value><![CDATA[\1]]></Value>"),
        False,
    ),
    "a character reference in a value": (
        _sub(rb"<ele>(\d)", rb"<ele>&#x3\1;"),
        _sub(rb"<Value>(\d)", rb"<Value>&#x3\1;"),
        False,
    ),
    "an end tag naming another element": (
        _sub(rb"</ele>", rb"</time>"),
        _sub(rb"</AltitudeMeters>", rb"</DistanceMeters>"),
        False,
    ),
    "a processing instruction inside the point": (
        _sub(rb"(<time>)", rb"<?saathi skip?>\1"),
        _sub(rb"(<Time>)", rb"<?saathi skip?>\1"),
        False,
    ),
    "a namespace declared on the point": (
        _sub(rb"<trkpt ", rb'<trkpt xmlns:g="http://www.topografix.com/GPX/1/1" '),
        _sub(rb"<Trackpoint>", rb'<Trackpoint xmlns:x="urn:other">'),
        False,
    ),
    "a prefix the root does not bind": (
        _sub(rb"(</time>)", rb"\1<other:note>1</other:note>"),
        _sub(rb"(</Time>)", rb"\1<other:note>1</other:note>"),
        False,
    ),
    "a point inside the point": (
        _sub(rb"(</time>)", rb'\1<trkpt lat="1" lon="2"></trkpt>'),
        _sub(rb"(</Time>)", rb"\1<Trackpoint><Time>2020-06-01T14:52:40Z</Time></Trackpoint>"),
        False,
    ),
    "a value element twice": (
        _sub(rb"(<ele>[^<]*</ele>)", rb"\1<ele>999</ele>"),
        _sub(
            rb"(<AltitudeMeters>[^<]*</AltitudeMeters>)", rb"\1<AltitudeMeters>9</AltitudeMeters>"
        ),
        False,
    ),
    "the elements in another order": (
        _sub(rb"(<ele>[^<]*</ele>)(\s*)(<time>[^<]*</time>)", rb"\3\2\1"),
        _sub(
            rb"(<AltitudeMeters>[^<]*</AltitudeMeters>)(\s*)(<DistanceMeters>[^<]*</DistanceMeters>)",
            rb"\3\2\1",
        ),
        False,
    ),
    "a character above ASCII": (
        _sub(rb"(</time>)", b"\\1<name>Z\xc3\xbcrich</name>"),
        _sub(rb"(</Time>)", b"\\1<Notes>Z\xc3\xbcrich</Notes>"),
        False,
    ),
    "a control character lxml refuses": (
        _sub(rb"(</ele>)", b"\\1\x0c"),
        _sub(rb"(</Time>)", b"\\1\x0c"),
        False,
    ),
    "a lone carriage return": (
        _sub(rb"(</ele>)\n", b"\\1\r"),
        _sub(rb"(</Time>)\n", b"\\1\r"),
        False,
    ),
    "]]> in a text": (
        _sub(rb"(</time>)", rb"\1<name>a]]>b</name>"),
        _sub(rb"(</Time>)", rb"\1<Notes>a]]>b</Notes>"),
        False,
    ),
    "a value that is no number": (
        _sub(rb"<ele>[^<]*</ele>", rb"<ele>twelve</ele>"),
        _sub(rb"<Value>[^<]*</Value>", rb"<Value>twelve</Value>"),
        False,
    ),
    "a time that is no time": (
        _sub(rb"<time>[^<]*</time>", rb"<time>yesterday</time>"),
        _sub(rb"<Time>[^<]*</Time>", rb"<Time>yesterday</Time>"),
        False,
    ),
    "a point written as an empty element": (
        _sub(rb"(<trkpt[^>]*)>.*</trkpt>", rb"\1/>"),
        _sub(rb"<Trackpoint>.*</Trackpoint>", rb"<Trackpoint/>"),
        False,
    ),
    "attributes in the other order": (
        _sub(rb'lat="([^"]*)" lon="([^"]*)"', rb'lon="\2" lat="\1"'),
        _sub(rb"<Trackpoint>", rb'<Trackpoint xml:lang="en">'),
        False,
    ),
    # Tidy variations: the shape learns them and the fast path reads on.
    "whitespace inside tags": (
        _sub(rb"<ele>([^<]*)</ele>", b"<ele >\\1</ele\n>"),
        _sub(rb"<Value>([^<]*)</Value>", b"<Value\t>\\1</Value >"),
        True,
    ),
    "the point's start tag over several lines": (
        _sub(rb'<trkpt lat="([^"]*)" lon="([^"]*)">', b'<trkpt\n  lat = "\\1"\n  lon="\\2"\n>'),
        _sub(rb"<Trackpoint>", b"<Trackpoint\n\n>"),
        True,
    ),
    "whitespace around a value": (
        _sub(rb"<ele>([^<]*)</ele>", rb"<ele>  \1 </ele>"),
        _sub(rb"<Value>([^<]*)</Value>", b"<Value>\n\\1\n</Value>"),
        True,
    ),
    "a point without position": (
        _sub(rb'<trkpt lat="[^"]*" lon="[^"]*">', rb"<trkpt>"),
        _sub(rb"<Position>.*</Position>", b""),
        (False, True),  # a GPX point must have one; a TCX point often has none
    ),
    "an empty value element": (
        _sub(rb"<ele>[^<]*</ele>", rb"<ele/>"),
        _sub(rb"<AltitudeMeters>[^<]*</AltitudeMeters>", rb"<AltitudeMeters></AltitudeMeters>"),
        True,
    ),
    "an element the reader does not know": (
        _sub(rb"(</time>)", rb"\1<sat>7</sat>"),
        _sub(rb"(</Time>)", rb'\1<SensorState kind="x">Present</SensorState>'),
        True,
    ),
    "an infinite or signed value": (
        _sub(rb"<ele>[^<]*</ele>", rb"<ele>-1e999</ele>"),
        _sub(rb"<Value>[^<]*</Value>", rb"<Value>+140</Value>"),
        True,
    ),
    "a whole number past 2**53, or with a leading zero": (
        _sub(rb"(<\w+:hr>)[^<]*", rb"\g<1>9007199254740993"),
        _sub(rb"<Value>[^<]*</Value>", rb"<Value>0140</Value>"),
        True,
    ),
    "a time with an offset": (
        _sub(rb"<time>([^<]*)Z</time>", rb"<time>\1+05:30</time>"),
        _sub(rb"<Time>([^<]*)Z</Time>", rb"<Time>\1-03:00</Time>"),
        True,
    ),
    "a time with more fractional digits": (
        _sub(rb"<time>([^<.]*)(?:\.\d+)?Z</time>", rb"<time>\1.123456Z</time>"),
        _sub(rb"<Time>([^<.]*)(?:\.\d+)?Z</Time>", rb"<Time>\1.1234567Z</Time>"),
        True,
    ),
}


def _changed(path: Path, change: Change) -> tuple[bytes, int]:
    """The file with its middle point changed, and that point's index."""
    data = path.read_bytes()
    name = b"Trackpoint" if path.suffix == ".tcx" else b"trkpt"
    starts = [m.start() for m in re.finditer(b"<" + name + rb"[\s>]", data)]
    index = len(starts) // 2
    end = data.index(b"</" + name + b">", starts[index]) + len(name) + 3
    return data[: starts[index]] + change(data[starts[index] : end]) + data[end:], index


def _fast_points(data: bytes, size: int, monkeypatch: pytest.MonkeyPatch) -> int:
    with monkeypatch.context() as patch:
        popped = count_fast_points(patch)
        with contextlib.suppress(TrackError):  # unreadable: how far did the fast path get?
            parser_for(data)(chunks(data, size))
    return sum(popped)


@pytest.mark.parametrize("case", CASES, ids=str)
@pytest.mark.parametrize("path", [GPX, GARMIN_GPX, TCX], ids=lambda p: p.name)
def test_an_unusual_point_reads_the_same_on_both_paths(
    path: Path, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    gpx_change, tcx_change, stays = CASES[case]
    tcx = path.suffix == ".tcx"
    data, index = _changed(path, tcx_change if tcx else gpx_change)
    stays_fast = stays if isinstance(stays, bool) else stays[tcx]
    # Small chunks too: a point cut by a chunk's end, runs split between chunks.
    for size in (1 << 17,) if path == GARMIN_GPX else (1 << 17, 1000):
        fast, slow = outcome(data, size, fast=True), outcome(data, size, fast=False)
        assert_same(fast, slow)
        read_fast = _fast_points(data, size, monkeypatch)
        if stays_fast:
            assert not isinstance(slow, str)
            assert read_fast == len(slow), "a tidy variation should not stop the fast path"
        else:
            assert read_fast <= index, "an unusual point should be lxml's to read"


def test_a_point_hidden_in_a_comment_between_points_is_not_read() -> None:
    data = GPX.read_bytes().replace(
        b"</trkpt>", b'</trkpt><!-- <trkpt lat="1" lon="2"><ele>3</ele></trkpt> -->', 5
    )
    fast, slow = outcome(data, 1 << 17, fast=True), outcome(data, 1 << 17, fast=False)
    assert_same(fast, slow)
    assert not isinstance(fast, str) and 1.0 not in fast.lat


def test_segments_and_laps_between_points_keep_their_places() -> None:
    data = GPX.read_bytes().replace(b"</trkpt>", b"</trkpt></trkseg><trkseg>", 3)
    fast, slow = outcome(data, 1 << 17, fast=True), outcome(data, 1 << 17, fast=False)
    assert_same(fast, slow)
    assert not isinstance(fast, str) and len(fast.breaks) == 3


def test_warnings_name_the_same_lines_on_both_paths() -> None:
    """Lines come from counting newlines on the fast path and from lxml on the other:
    start tags over several lines, an off-globe point and a clock going back agree.
    (Below line 65,535: past it libxml2 has no line of its own for an element and lxml
    gives the line of its first text, the next line here; the fast path stays exact.)"""
    data = GARMIN_GPX.read_bytes()
    data = re.sub(rb'<trkpt lat="([^"]*)" lon=', b'<trkpt\n lat="\\1"\n lon=', data)
    points = [m.start() for m in re.finditer(rb"<trkpt", data)]
    at = points[len(points) // 4]
    data = data[:at] + re.sub(rb'lat="[^"]*"', b'lat="95.0"', data[at:], count=1)
    at = points[len(points) // 2]
    assert data[:at].count(b"\n") < 65_535
    data = data[:at] + re.sub(
        rb"<time>[^<]*</time>", b"<time>2019-09-20T14:10:03Z</time>", data[at:], count=1
    )
    for size in (1 << 17, 5000):
        fast, slow = outcome(data, size, fast=True), outcome(data, size, fast=False)
        assert_same(fast, slow)
        assert not isinstance(fast, str)
        assert any("off the globe (first at line" in w for w in fast.warnings)
        assert any("go backwards" in w for w in fast.warnings)


def test_a_point_with_thousands_of_elements_is_left_to_lxml(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    crowd = b"".join(b"<e%d>%d</e%d>" % (k, k, k) for k in range(3000))
    data, index = _changed(GPX, _sub(rb"(</time>)", rb"\1" + crowd))
    fast, slow = outcome(data, 1 << 17, fast=True), outcome(data, 1 << 17, fast=False)
    assert_same(fast, slow)
    assert _fast_points(data, 1 << 17, monkeypatch) <= index

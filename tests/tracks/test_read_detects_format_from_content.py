"""read_track tells FIT, GPX, TCX, gzip and ZIP apart by their bytes, not their names."""

from __future__ import annotations

import pytest

from saathi.tracks.read import detect_format, read_track
from saathi.tracks.track import TrackError
from tests.paths import TESTDATA

GPX = b'<gpx xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg><trkpt lat="1" lon="2"/></trkseg></trk></gpx>'  # noqa: E501


@pytest.mark.parametrize(
    ("relative", "kind"),
    [
        ("fit/4801048867.fit", "fit"),
        ("gpx/activity_4801048867.gpx", "gpx"),
        ("tcx/activity_4801048867.tcx", "tcx"),
        ("gpx/osmand_gzipped-gpx.gpx.gz", "gzip"),
        ("strava_export_min/activities/12866632127.fit.gz", "gzip"),
    ],
)
def test_it_detects_each_real_file(relative: str, kind: str):
    head = (TESTDATA / relative).read_bytes()[:4096]
    assert detect_format(head) == kind


def test_a_misnamed_file_reads_by_its_content(tmp_path):
    misnamed = tmp_path / "ride.fit"
    misnamed.write_bytes((TESTDATA / "tcx" / "activity_5039744860.tcx").read_bytes())

    assert read_track(misnamed).format == "tcx"


@pytest.mark.parametrize(
    "prefix",
    [b"", b"\xef\xbb\xbf", b"\n\n  ", b"\xef\xbb\xbf \r\n\t"],
    ids=["plain", "bom", "whitespace", "bom-and-whitespace"],
)
def test_a_byte_order_mark_or_whitespace_before_the_declaration_is_tolerated(prefix: bytes):
    data = prefix + b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- exported -->\n' + GPX
    assert detect_format(data) == "gpx"
    assert read_track(data).lat[0] == 1


def test_a_utf16_gpx_reads():
    data = ('<?xml version="1.0" encoding="UTF-16"?>' + GPX.decode()).encode("utf-16")
    assert read_track(data).lon[0] == 2


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "it is empty"),
        (b"   \n", "it is empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "89 50 4E 47"),
        (b'<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"/>', "<kml>"),
        (b"%PDF-1.7 something", "25 50 44 46"),
    ],
)
def test_anything_else_is_not_an_activity_file(data: bytes, words: str):
    with pytest.raises(TrackError, match="not an activity file") as caught:
        read_track(data)
    assert words in caught.value.message


def test_the_callers_name_for_the_file_appears_in_the_message():
    with pytest.raises(TrackError, match=r"holiday\.jpg"):
        read_track(b"\xff\xd8\xff\xe0" + bytes(64), name="holiday.jpg")


def test_a_missing_path_is_a_track_error():
    with pytest.raises(TrackError, match="cannot open"):
        read_track(TESTDATA / "no-such-file.gpx")


def test_it_reads_from_a_binary_stream(tmp_path):
    with (TESTDATA / "gpx" / "run_gpxtpx.gpx").open("rb") as handle:
        track = read_track(handle)
    assert len(track) == 42  # REFERENCE.tsv gpx_structure

"""gzip and ZIP containers unwrap to the activity inside; archives list their activities."""

from __future__ import annotations

import gzip
import io
import zipfile

import pytest

from saathi.tracks.read import iter_archive, read_track
from saathi.tracks.track import TrackError
from tests.paths import TESTDATA

GPX = TESTDATA / "gpx" / "run_gpxtpx.gpx"  # 42 points (REFERENCE.tsv)
TCX = TESTDATA / "tcx" / "activity_5039744860.tcx"  # 100 points
STRAVA_FIT_GZ = TESTDATA / "strava_export_min" / "activities" / "12866632127.fit.gz"


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_real_gzipped_gpx_reads():
    # REFERENCE.tsv: 277 points, first at 2022-05-27T12:23:22Z.
    track = read_track(TESTDATA / "gpx" / "osmand_gzipped-gpx.gpx.gz")
    assert (track.format, len(track)) == ("gpx", 277)


def test_the_strava_exports_fit_gz_reads_with_its_device_session():
    # REFERENCE.tsv fit_session[0]: running, 326 points, 3322.95 m.
    track = read_track(STRAVA_FIT_GZ)
    assert (track.format, track.sport, len(track)) == ("fit", "running", 326)
    assert track.totals is not None
    assert track.totals.distance_m == pytest.approx(3322.95, abs=0.01)


def test_a_zip_with_one_activity_reads_as_that_activity():
    data = _zip({"readme.txt": b"hello", "ride/activity.tcx": TCX.read_bytes()})
    assert len(read_track(data)) == 100


def test_a_gzip_inside_a_zip_reads_as_strava_exports_have_them():
    data = _zip({"activities/1.fit.gz": STRAVA_FIT_GZ.read_bytes()})
    assert len(read_track(data)) == 326


def test_a_zip_with_several_activities_says_it_is_an_archive():
    data = _zip({"a.gpx": GPX.read_bytes(), "b.tcx": TCX.read_bytes(), "c.fit.gz": b"x"})
    with pytest.raises(TrackError, match="archive with 3 activity files"):
        read_track(data)


def test_containers_nested_deeper_are_refused():
    inner_zip = _zip({"a.gpx": GPX.read_bytes()})
    double_gzip = gzip.compress(gzip.compress(GPX.read_bytes()))
    zip_in_gzip = gzip.compress(inner_zip)
    gzip_gzip_in_zip = _zip({"a.gpx.gz": double_gzip})

    for data in (double_gzip, zip_in_gzip, _zip({"a.zip.gpx": inner_zip}), gzip_gzip_in_zip):
        with pytest.raises(TrackError, match="nested this deep"):
            read_track(data)


def test_a_truncated_gzip_keeps_the_points_before_the_cut():
    packed = gzip.compress(TCX.read_bytes())
    track = read_track(packed[: len(packed) * 3 // 4])

    assert 0 < len(track) < 100
    assert any("cut short" in w or "ends early" in w for w in track.warnings)


def test_a_gzip_cut_before_any_point_is_one_track_error():
    packed = gzip.compress(GPX.read_bytes())
    with pytest.raises(TrackError, match="compressed data"):
        read_track(packed[:40])


def test_a_corrupt_zip_is_a_track_error():
    data = bytearray(_zip({"a.gpx": GPX.read_bytes()}))
    data[60:90] = bytes(30)
    with pytest.raises(TrackError):
        read_track(bytes(data))


def test_iter_archive_yields_each_activity_file_in_a_zip():
    data = _zip(
        {
            "activities/1.gpx": GPX.read_bytes(),
            "activities/2.fit.gz": STRAVA_FIT_GZ.read_bytes(),
            "activities.csv": b"Activity ID\n1\n",
            "media/photo.jpg": b"\xff\xd8",
        }
    )
    found = dict(iter_archive(data))

    assert sorted(found) == ["activities/1.gpx", "activities/2.fit.gz"]
    assert len(read_track(found["activities/1.gpx"])) == 42
    assert len(read_track(found["activities/2.fit.gz"], name="2.fit.gz")) == 326


def test_iter_archive_refuses_what_is_not_a_zip():
    with pytest.raises(TrackError, match="not a ZIP"):
        list(iter_archive(GPX))

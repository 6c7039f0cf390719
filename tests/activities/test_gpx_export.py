"""The GPX export: a GPX 1.1 file of the stored streams that readers take back."""

from __future__ import annotations

import gpxpy
import numpy as np
import pytest
from lxml import etree

from saathi.accounts.models import User
from saathi.activities.exports import gpx_filename, original_file, track_gpx
from saathi.activities.imports import Upload, import_file
from saathi.activities.manual import create_manual_activity
from saathi.tracks.read import read_track
from tests.paths import TESTDATA


def test_the_export_reads_back_as_the_same_track(owner: User) -> None:
    path = TESTDATA / "fit" / "Edge810-Vector-2013-08-16-15-35-10.fit"
    activity = import_file(owner=owner, upload=Upload(path.name, path.read_bytes()))
    stored = activity.streams.load()

    exported = read_track(track_gpx(activity))

    positioned = np.isfinite(stored.lat) & np.isfinite(stored.lon)
    assert len(exported) == int(positioned.sum())
    for channel, tolerance in [
        ("lat", 1e-7),
        ("lon", 1e-7),
        ("alt", 0.01),
        ("time", 0.001),
        ("heart_rate", 0.5),
        ("cadence", 0.5),
        ("power", 0.5),
    ]:
        before, after = getattr(stored, channel)[positioned], getattr(exported, channel)
        assert np.array_equal(np.isnan(before), np.isnan(after)), channel
        assert np.nanmax(np.abs(before - after)) <= tolerance, channel


def test_a_peer_library_reads_the_export_with_its_segments(owner: User) -> None:
    # Korita-Zbevnica has four tracks in the file: the export keeps them as segments.
    path = TESTDATA / "gpx" / "korita-zbevnica.gpx"
    activity = import_file(owner=owner, upload=Upload(path.name, path.read_bytes()))
    stored = activity.streams.load()

    gpx = gpxpy.parse(track_gpx(activity).decode())

    points = [p for segment in gpx.tracks[0].segments for p in segment.points]
    assert len(points) == int(np.isfinite(stored.lat).sum())
    assert len(gpx.tracks[0].segments) >= 2
    assert gpx.tracks[0].name == activity.title


def test_the_export_is_valid_against_the_gpx_namespace(owner: User) -> None:
    path = TESTDATA / "tcx" / "activity_4801048867.tcx"
    activity = import_file(owner=owner, upload=Upload(path.name, path.read_bytes()))

    root = etree.fromstring(track_gpx(activity))

    assert root.tag == "{http://www.topografix.com/GPX/1/1}gpx"
    assert root.get("version") == "1.1"
    assert gpx_filename(activity).endswith(".gpx")


def test_the_original_is_there_to_download_byte_for_byte(owner: User) -> None:
    from saathi.activities.imports import import_inline

    path = TESTDATA / "gpx" / "run_gpxtpx.gpx"
    (job,) = import_inline(owner=owner, name=path.name, data=path.read_bytes())
    assert job.activity is not None

    original = original_file(job.activity)

    assert original is not None and original.original_name == "run_gpxtpx.gpx"
    assert original.read_original() == path.read_bytes()


@pytest.mark.django_db
def test_a_manual_entry_has_no_original(owner: User) -> None:
    from datetime import datetime

    entry = create_manual_activity(
        owner=owner, sport="yoga", start=datetime(2026, 1, 5, 6, 0), duration_s=420
    )
    assert original_file(entry) is None

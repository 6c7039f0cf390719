"""GPX times in every form files use, and what a GPX says about itself (sport, device, name)."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest

from saathi.tracks.read import read_track
from tests.paths import TESTDATA


def _gpx(points: str, *, creator: str = "Test", head: str = "") -> bytes:
    return (
        f'<gpx xmlns="http://www.topografix.com/GPX/1/1" version="1.1" creator="{creator}">'
        f"<trk>{head}<trkseg>{points}</trkseg></trk></gpx>"
    ).encode()


def _point(time: str | None, ele: str | None = "5") -> str:
    parts = f"<ele>{ele}</ele>" if ele is not None else ""
    parts += f"<time>{time}</time>" if time is not None else ""
    return f'<trkpt lat="45.0" lon="7.0">{parts}</trkpt>'


def _epoch(text: str) -> float:
    return datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp()


@pytest.mark.parametrize(
    ("written", "utc"),
    [
        ("2024-05-01T10:00:00Z", "2024-05-01T10:00:00"),
        ("2024-05-01T12:00:00+02:00", "2024-05-01T10:00:00"),
        ("2024-05-01T05:30:00-04:30", "2024-05-01T10:00:00"),
        ("2024-05-01T10:00:00.250Z", "2024-05-01T10:00:00.250"),
        ("2024-05-01T10:00:00", "2024-05-01T10:00:00"),  # naive: UTC
    ],
)
def test_it_reads_each_way_of_writing_a_time_as_utc(written: str, utc: str):
    track = read_track(_gpx(_point(written) + _point(written)))
    assert track.time[0] == _epoch(utc)


def test_a_point_without_time_or_elevation_gets_nan():
    track = read_track(_gpx(_point("2024-05-01T10:00:00Z") + _point(None, ele=None)))

    assert np.isnan(track.time[1]) and np.isnan(track.alt[1])
    assert track.time[0] == _epoch("2024-05-01T10:00:00")


def test_times_going_backwards_are_kept_in_order_with_one_warning():
    times = ["2024-05-01T10:00:05Z", "2024-05-01T10:00:01Z", "2024-05-01T10:00:01Z"]
    track = read_track(_gpx("".join(_point(t) for t in times)))

    assert list(track.time) == [_epoch(t.rstrip("Z")) for t in times]
    assert len([w for w in track.warnings if "backwards" in w]) == 1


def test_a_gpx_without_points_is_refused():
    with pytest.raises(Exception, match="no track or route points") as caught:
        read_track(_gpx(""))
    assert type(caught.value).__name__ == "TrackError"


@pytest.mark.parametrize(
    ("type_", "sport"),
    [
        ("1", "cycling"),
        ("9", "running"),
        ("4", "hiking"),
        ("10", "walking"),
        ("running", "running"),
        ("cycling", "cycling"),
        ("Ride", "cycling"),
        ("Run", "running"),
        ("Hike", "hiking"),
        ("Walk", "walking"),
        ("jkljkl", "generic"),
    ],
)
def test_the_track_type_names_the_sport(type_: str, sport: str):
    track = read_track(_gpx(_point("2024-05-01T10:00:00Z"), head=f"<type>{type_}</type>"))
    assert track.sport == sport


@pytest.mark.parametrize(
    ("creator", "device"),
    [
        ("Apple Watch", "Apple Watch"),
        ("StravaGPX", None),
        ("StravaGPX iPhone", None),
        ("Garmin Connect", None),
        ("GPSBabel - http://www.gpsbabel.org", None),
        ("OpenTracks", "OpenTracks"),
    ],
)
def test_the_creator_names_the_device_only_when_it_is_one(creator: str, device: str | None):
    assert read_track(_gpx(_point(None), creator=creator)).device == device


def test_it_reads_name_sport_and_device_from_real_files():
    apple = read_track(TESTDATA / "gpx" / "Friday-Evening-Run.gpx")
    strava = read_track(TESTDATA / "gpx" / "4078723797_strava.gpx")

    assert (apple.name, apple.sport, apple.device) == (
        "Friday Evening Run",
        "running",
        "Apple Watch",
    )
    # MANIFEST.tsv: creator StravaGPX, <type>1</type> = ride.
    assert (strava.sport, strava.device) == ("cycling", None)
    assert strava.name == "De benen op spanning zetten met Martijn"


def test_opentracks_local_times_with_offsets_read_as_utc():
    # REFERENCE.tsv: first point written 2025-08-31T09:57:07.797+02:00.
    track = read_track(TESTDATA / "gpx" / "opentracks_2025-08-31_Zwin_und_Nieuwvliet.gpx")
    assert track.time[0] == pytest.approx(_epoch("2025-08-31T07:57:07.797"), abs=1e-6)
    assert track.altitude_source == "gps"


def test_a_route_is_read_when_there_is_no_track():
    data = (
        b'<gpx xmlns="http://www.topografix.com/GPX/1/1" version="1.1"><rte><name>Plan</name>'
        b'<rtept lat="1" lon="2"/><rtept lat="1.1" lon="2.1"/></rte><rte>'
        b'<rtept lat="1.2" lon="2.2"/></rte></gpx>'
    )
    track = read_track(data)

    assert list(track.lat) == [1, 1.1, 1.2]
    assert track.breaks == [2]
    assert np.isnan(track.time).all()
    assert track.name == "Plan"


def test_gpx_1_0_and_files_without_a_namespace_read_too():
    v10 = (
        b'<gpx xmlns="http://www.topografix.com/GPX/1/0" version="1.0"><trk><trkseg>'
        b'<trkpt lat="1" lon="2"><time>2024-01-01T00:00:00Z</time><speed>4.5</speed></trkpt>'
        b"</trkseg></trk></gpx>"
    )
    bare = b'<gpx><trk><trkseg><trkpt lat="1" lon="2"><ele>7</ele></trkpt></trkseg></trk></gpx>'

    assert read_track(v10).speed[0] == 4.5
    assert read_track(bare).alt[0] == 7

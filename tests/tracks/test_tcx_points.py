"""TCX track points match tcxreader's point for point, and their odd forms read right."""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pytest
from tcxreader.tcxreader import TCXReader

from saathi.tracks.read import read_track
from saathi.tracks.track import TrackError
from tests.paths import TESTDATA


def _nan(value: float | None) -> float:
    return np.nan if value is None else float(value)


@pytest.mark.parametrize(
    "name", ["activity_4801048867.tcx", "activity_5039744860.tcx", "3173437224.tcx"]
)
def test_its_points_match_tcxreader_point_for_point(name: str):
    path = TESTDATA / "tcx" / name
    peer = TCXReader().read(str(path)).trackpoints
    track = read_track(path)

    assert len(track) == len(peer)
    for channel, attribute in [
        ("lat", "latitude"),
        ("lon", "longitude"),
        ("alt", "elevation"),
        ("distance", "distance"),
        ("heart_rate", "hr_value"),
    ]:
        expected = [_nan(getattr(p, attribute)) for p in peer]
        assert np.allclose(getattr(track, channel), expected, equal_nan=True), channel
    times = [p.time.timestamp() for p in peer]
    assert np.array_equal(track.time, times)
    speeds = [_nan(p.tpx_ext.get("Speed")) for p in peer]
    assert np.allclose(track.speed, speeds, equal_nan=True)


def test_watts_and_cadence_come_through():
    track = read_track(TESTDATA / "tcx" / "activity_5039744860.tcx")
    assert track.has("power") and track.has("cadence")


def test_mapmyride_offsets_and_fractional_seconds_read_as_tcxreader_asserts():
    track = read_track(TESTDATA / "tcx" / "mapmyride_biking.tcx")
    with_position = np.flatnonzero(np.isfinite(track.lat))
    expected = datetime.fromisoformat("2022-11-12T15:58:31.473500+00:00").timestamp()

    assert track.time[with_position[0]] == pytest.approx(expected, abs=1e-6)
    assert track.totals is not None and round(track.totals.calories or 0) == 458


def test_each_track_segment_and_activity_starts_a_break_and_a_session():
    point = "<Trackpoint><Time>{}</Time><DistanceMeters>{}</DistanceMeters></Trackpoint>"

    def activity(sport: str, start: str, times: list[str]) -> str:
        tracks = "".join(f"<Track>{point.format(t, i)}</Track>" for i, t in enumerate(times))
        return (
            f'<Activity Sport="{sport}"><Id>{start}</Id><Lap StartTime="{start}">'
            f"<TotalTimeSeconds>60</TotalTimeSeconds><DistanceMeters>100</DistanceMeters>"
            f"{tracks}</Lap></Activity>"
        )

    data = (
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
        "<Activities>"
        + activity(
            "Running", "2024-01-01T10:00:00Z", ["2024-01-01T10:00:00Z", "2024-01-01T10:00:30Z"]
        )
        + activity("Biking", "2024-01-01T11:00:00Z", ["2024-01-01T11:00:00Z"])
        + "</Activities></TrainingCenterDatabase>"
    ).encode()
    track = read_track(data)

    assert len(track) == 3
    assert track.breaks == [1, 2]
    assert [s.sport for s in track.sessions] == ["running", "cycling"]
    assert track.sport == "multisport"
    assert track.totals is not None and track.totals.distance_m == 200


def test_extensions_are_found_by_namespace_uri_not_prefix():
    data = (
        b'<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"'
        b' xmlns:q="http://www.garmin.com/xmlschemas/ActivityExtension/v2"><Activities>'
        b'<Activity Sport="Running"><Id>2024-01-01T10:00:00Z</Id>'
        b'<Lap StartTime="2024-01-01T10:00:00Z"><Track><Trackpoint>'
        b"<Time>2024-01-01T10:00:00Z</Time><Extensions><q:TPX><q:Speed>3.5</q:Speed>"
        b"<q:RunCadence>88</q:RunCadence><q:Watts>240</q:Watts></q:TPX></Extensions>"
        b"</Trackpoint></Track></Lap></Activity>"
        b"</Activities></TrainingCenterDatabase>"
    )
    track = read_track(data)

    assert (track.speed[0], track.cadence[0], track.power[0]) == (3.5, 88, 240)


def test_bad_tcx_names_the_line_of_its_unreadable_latitude():
    # malformed/bad.tcx: the second lap's first point has <LatitudeDegrees>no</...> (line 47).
    with pytest.raises(TrackError) as caught:
        read_track(TESTDATA / "malformed" / "bad.tcx")
    assert caught.value.line == 47
    assert "LatitudeDegrees 'no' is not a number" in caught.value.message


def test_every_tcx_in_the_test_data_loads():
    paths = sorted((TESTDATA / "tcx").iterdir())
    assert paths
    for path in paths:
        track = read_track(path)
        assert len(track) > 0 and track.laps, path.name

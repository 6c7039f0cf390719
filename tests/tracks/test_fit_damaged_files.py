"""A FIT file damaged part-way keeps what came before the damage and says where; what
cannot be read at all raises one TrackError that says why."""

from __future__ import annotations

import numpy as np
import pytest

from saathi.tracks.fit import read_fit
from saathi.tracks.track import TrackError
from tests.paths import TESTDATA

MALFORMED = TESTDATA / "malformed"


def test_the_strava_app_file_keeps_its_473_points_before_an_undefined_message_type() -> None:
    track = read_fit((MALFORMED / "strava-android-app-201.10-b1218918.fit").read_bytes())
    # fitdecode and garmin-fit-sdk both stop at byte 7,471: local message 11 not defined.
    assert len(track) == 473
    assert track.warnings[0] == (
        "This FIT file is damaged at byte 7,471 (a message uses local type 11, which was "
        "never defined): kept the 473 points before it. The last of them ran into the "
        "damage and is left empty."
    )
    # That record is a byte short: read whole, its time would be in 2085.
    assert np.isnan(track.time[-1]) and np.isnan(track.lat[-1])
    assert np.nanmax(track.time) - track.time[0] < 3558  # within the session's timer time
    assert track.sessions[0].totals.distance_m == pytest.approx(11274.04)
    assert track.device == "Strava" and track.altitude_source == "gps"


def test_a_file_cut_off_mid_message_keeps_the_points_before_the_cut() -> None:
    track = read_fit((MALFORMED / "activity-unexpected-eof.fit").read_bytes())
    # 768 bytes: the last message starts at 751 and needs more than the 17 bytes left.
    assert len(track) == 14
    assert track.warnings[0].startswith("This FIT file ends in the middle of a message (byte 751)")


def test_a_corrupt_second_chained_header_keeps_the_first_file_and_ignores_the_rest() -> None:
    track = read_fit((MALFORMED / "activity-settings-corruptheader.fit").read_bytes())
    assert len(track) == 14 and len(track.sessions) == 1
    assert track.warnings == ["Bytes 771 to 854 after the FIT data are not FIT data; ignored."]


def test_an_unterminated_file_without_a_session_keeps_its_records() -> None:
    track = read_fit((MALFORMED / "nick.fit").read_bytes())
    # fitdecode reads 14,391 records before running out of bytes; there is no session.
    assert len(track) == 14391
    assert track.sessions == [] and track.totals is None
    assert track.sport == "cycling"  # from its sport message
    assert "ends in the middle of a message" in track.warnings[0]


def test_a_file_that_is_not_fit_is_refused() -> None:
    with pytest.raises(TrackError, match="not a FIT file") as error:
        read_fit(b"<?xml version='1.0'?><gpx></gpx>")
    assert error.value.offset == 0


def test_a_file_cut_before_its_first_record_has_no_track_points() -> None:
    data = (MALFORMED / "activity-unexpected-eof.fit").read_bytes()[:100]
    with pytest.raises(TrackError, match="has no track points"):
        read_fit(data)


def test_an_empty_buffer_is_refused() -> None:
    with pytest.raises(TrackError):
        read_fit(b"")

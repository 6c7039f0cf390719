"""What a FIT file says about itself: its device in words, where its altitude came from,
its sport, its local time offset and when its timer was paused."""

from __future__ import annotations

import pytest

from saathi.tracks import fit_profile as profile
from saathi.tracks.fit import read_fit
from saathi.tracks.fit_device import GARMIN_WITHOUT_BAROMETER
from saathi.tracks.track import Track
from tests.paths import TESTDATA


def _read(name: str, folder: str = "fit") -> Track:
    return read_fit((TESTDATA / folder / name).read_bytes())


# The devices as MANIFEST.tsv names them.
@pytest.mark.parametrize(
    ("name", "device"),
    [
        ("2019-02-17-062644-ELEMNT-297E-195-0.fit", "Wahoo ELEMNT"),
        ("garmin-edge-500-activity.fit", "Garmin Edge 500"),
        ("Edge810-Vector-2013-08-16-15-35-10.fit", "Garmin Edge 810"),
        ("batt.fit", "Suunto Vertical 2"),
        ("suunto-weight.fit", "Suunto Race 2"),
        ("coros-pace-2-cycling-misaligned-fields.fit", "COROS PACE 2"),
        ("downhill.fit", "Garmin Edge MTB"),
        ("event_timestamp.fit", "Garmin Forerunner 735XT"),
        ("sample_mulitple_header.fit", "Garmin Forerunner 920XT"),
        ("null_compressed_speed_dist.fit", "Zwift"),
    ],
)
def test_the_device_is_named_in_words(name: str, device: str) -> None:
    assert _read(name).device == device


def test_altitude_is_barometric_from_bike_computers_and_gps_from_the_strava_app() -> None:
    assert _read("garmin-edge-500-activity.fit").altitude_source == "barometric"
    assert _read("2019-02-17-062644-ELEMNT-297E-195-0.fit").altitude_source == "barometric"
    strava = _read("strava-android-app-201.10-b1218918.fit", "malformed")
    assert strava.altitude_source == "gps"
    # A pool swim on a watch without GPS or barometer has no altitude at all.
    assert _read("event_timestamp.fit").altitude_source == "none"


def test_sport_comes_from_the_session_or_else_the_sport_message() -> None:
    yoga_like = _read("suunto-weight.fit")
    assert (yoga_like.sport, yoga_like.sub_sport) == ("training", "strength_training")
    assert _read("downhill.fit").sub_sport == "downhill"
    # nick.fit has no session message, only a sport message.
    assert _read("nick.fit", "malformed").sport == "cycling"


def test_the_local_offset_is_the_activitys_local_time_minus_utc() -> None:
    # fitdecode: activity timestamp 12:59:59Z, local_timestamp 20:59:59.
    assert _read("2019-02-17-062644-ELEMNT-297E-195-0.fit").local_offset_s == 8 * 3600
    assert _read("event_timestamp.fit").local_offset_s == -4 * 3600
    # Zwift writes local_timestamp 0 (1989-12-31): no offset rather than a wrong one.
    assert _read("null_compressed_speed_dist.fit").local_offset_s is None
    assert _read("garmin-edge-500-activity.fit").local_offset_s is None


@pytest.mark.parametrize(
    "name",
    [
        "2019-02-17-062644-ELEMNT-297E-195-0.fit",
        "garmin-edge-500-activity.fit",
        "batt.fit",
        "compressed-speed-distance.fit",
        "coros-pace-2-cycling-misaligned-fields.fit",
    ],
)
def test_timer_pauses_add_up_to_the_devices_elapsed_minus_timer_time(name: str) -> None:
    track = _read(name)
    assert track.totals is not None
    assert track.totals.elapsed_s is not None and track.totals.timer_s is not None
    paused = sum(end - start for start, end in track.pauses)
    assert paused == pytest.approx(track.totals.elapsed_s - track.totals.timer_s, abs=6)
    assert all(start < end for start, end in track.pauses)


def test_every_garmin_model_named_as_barometer_free_is_in_the_fit_profile() -> None:
    products = set(profile.TYPES["garmin_product"].values())
    assert GARMIN_WITHOUT_BAROMETER.issubset(products)

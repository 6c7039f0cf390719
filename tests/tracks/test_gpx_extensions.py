"""Sensor values in GPX extensions are found by namespace URI, whatever the prefix."""

from __future__ import annotations

import gpxpy
import numpy as np

from saathi.tracks.gpx import read_gpx
from saathi.tracks.read import read_track
from tests.paths import TESTDATA

TPX1 = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1"
TPX2 = "http://www.garmin.com/xmlschemas/TrackPointExtension/v2"


def _gpx(extensions: str, declarations: str) -> bytes:
    point = (
        '<trkpt lat="1.5" lon="2.5"><ele>10</ele><time>2024-05-01T10:00:00Z</time>'
        f"<extensions>{extensions}</extensions></trkpt>"
    )
    return (
        f'<gpx xmlns="http://www.topografix.com/GPX/1/1" version="1.1" {declarations}>'
        f"<trk><trkseg>{point}</trkseg></trk></gpx>"
    ).encode()


def _read(data: bytes):
    return read_track(data)


def test_it_reads_trackpointextension_v1_whatever_its_prefix():
    data = _gpx(
        "<zz:TrackPointExtension><zz:hr>141</zz:hr><zz:cad>88</zz:cad>"
        "<zz:atemp>21.5</zz:atemp></zz:TrackPointExtension>",
        f'xmlns:zz="{TPX1}"',
    )
    track = _read(data)

    assert track.heart_rate[0] == 141
    assert track.cadence[0] == 88
    assert track.temperature[0] == 21.5


def test_it_ignores_a_familiar_prefix_bound_to_another_namespace():
    data = _gpx(
        "<gpxtpx:TrackPointExtension><gpxtpx:hr>141</gpxtpx:hr></gpxtpx:TrackPointExtension>",
        'xmlns:gpxtpx="http://example.com/not-garmin"',
    )
    assert np.isnan(_read(data).heart_rate[0])


def test_it_reads_trackpointextension_v2_speed_and_heart_rate():
    data = _gpx(
        "<t:TrackPointExtension><t:hr>120</t:hr><t:speed>3.25</t:speed>"
        "<t:course>90</t:course></t:TrackPointExtension>",
        f'xmlns:t="{TPX2}"',
    )
    track = _read(data)

    assert track.heart_rate[0] == 120
    assert track.speed[0] == 3.25


def test_it_reads_cluetrust_gpxdata():
    data = _gpx(
        "<gd:hr>150</gd:hr><gd:cadence>90</gd:cadence><gd:temp>12</gd:temp>"
        "<gd:distance>1234.5</gd:distance>",
        'xmlns:gd="http://www.cluetrust.com/XML/GPXDATA/1/0"',
    )
    track = _read(data)

    assert (track.heart_rate[0], track.cadence[0], track.temperature[0]) == (150, 90, 12)
    assert track.distance[0] == 1234.5


def test_it_reads_strava_power_and_garmin_power_extension():
    strava = _read(_gpx("<power>250</power>", ""))
    pwr = _read(
        _gpx(
            "<p:PowerExtension><p:PowerInWatts>310</p:PowerInWatts></p:PowerExtension>",
            'xmlns:p="http://www.garmin.com/xmlschemas/PowerExtension/v1"',
        )
    )

    assert strava.power[0] == 250
    assert pwr.power[0] == 310


def test_a_zero_heart_rate_means_no_strap():
    # OpenTracks writes hr 0 when no sensor is paired (MANIFEST.tsv notes).
    data = _gpx(
        "<t:TrackPointExtension><t:hr>0</t:hr></t:TrackPointExtension>", f'xmlns:t="{TPX2}"'
    )
    assert np.isnan(_read(data).heart_rate[0])


def _gpxpy_extension(path, name: str) -> list[float]:
    """A channel as gpxpy exposes it: raw extension elements, matched here by local name."""
    with path.open() as handle:
        parsed = gpxpy.parse(handle)
    values = []
    for point in parsed.walk(only_points=True):
        found = np.nan
        for extension in point.extensions:
            for child in extension.iter():
                if child.tag.split("}")[-1] == name and child.text:
                    found = float(child.text)
        values.append(found)
    return values


def test_heart_rate_cadence_and_temperature_match_gpxpy_on_a_garmin_connect_export():
    path = TESTDATA / "gpx" / "activity_4078723797.gpx"
    with path.open("rb") as handle:
        track = read_gpx(handle)

    assert np.array_equal(track.heart_rate, _gpxpy_extension(path, "hr"), equal_nan=True)
    assert np.array_equal(track.cadence, _gpxpy_extension(path, "cad"), equal_nan=True)
    assert np.array_equal(track.temperature, _gpxpy_extension(path, "atemp"), equal_nan=True)


def test_strava_power_matches_gpxpy_on_the_strava_export():
    path = TESTDATA / "gpx" / "4078723797_strava.gpx"
    track = read_track(path)

    assert np.array_equal(track.power, _gpxpy_extension(path, "power"), equal_nan=True)
    assert track.has("power")


def test_a_sensor_that_joins_late_in_a_long_file_is_still_read():
    # Heart rate only from point 9000 on: past the first chunks and batches.
    points = []
    for index in range(12000):
        extension = ""
        if index >= 9000:
            extension = (
                "<extensions><t:TrackPointExtension><t:hr>130</t:hr>"
                "</t:TrackPointExtension></extensions>"
            )
        points.append(
            f'<trkpt lat="45.{index:05d}" lon="7.0"><ele>10</ele>'
            f"<time>2024-05-01T10:00:00Z</time>{extension}<desc>{'x' * 40}</desc></trkpt>"
        )
    data = _gpx("", f'xmlns:t="{TPX1}"').replace(b"<trkpt", "".join(points).encode() + b"<trkpt", 1)
    track = read_track(data)

    assert len(track) == 12001
    assert np.isnan(track.heart_rate[:9000]).all()
    assert (track.heart_rate[9000:12000] == 130).all()

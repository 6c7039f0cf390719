"""Every record of two files equals fitparse's golden per-record values (its own tests'
CSV files), read independently of our decoder."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest

from saathi.tracks.fit import read_fit
from tests.paths import TESTDATA

FIT = TESTDATA / "fit"
PDT = timezone(timedelta(hours=-7))


def _float(text: str) -> float:
    return np.nan if text in ("", "null", "None") else float(text)


def _column(rows: list[dict[str, str]], name: str) -> np.ndarray:
    return np.array([_float(row[name]) for row in rows])


def test_every_edge_500_record_equals_fitparse_golden_values() -> None:
    with open(FIT / "garmin-edge-500-activity-records.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    track = read_fit((FIT / "garmin-edge-500-activity.fit").read_bytes())

    assert len(track) == len(rows) == 10686
    times = [
        datetime.strptime(r["timestamp"].replace(" PDT", ""), "%a %b %d %H:%M:%S %Y")
        .replace(tzinfo=PDT)
        .timestamp()
        for r in rows
    ]
    np.testing.assert_array_equal(track.time, times)
    np.testing.assert_array_equal(track.heart_rate, _column(rows, "heart_rate"))
    # The CSV was written with fitparse's fix-ups (its test_parsing_edge_500_fit_file):
    # a missing cadence is 0, a missing position repeats the last one.
    np.testing.assert_array_equal(np.nan_to_num(track.cadence), _column(rows, "cadence"))
    np.testing.assert_allclose(track.speed, _column(rows, "speed"), atol=1e-9)
    np.testing.assert_allclose(track.distance, _column(rows, "distance"), atol=1e-9)
    np.testing.assert_allclose(track.alt, _column(rows, "altitude"), atol=1e-9)
    np.testing.assert_array_equal(track.temperature, _column(rows, "temperature"))
    semicircles = 180 / 2**31
    for channel, name in ((track.lat, "position_lat"), (track.lon, "position_long")):
        carried = _last_valid(channel)
        np.testing.assert_allclose(carried, _column(rows, name) * semicircles, atol=1e-12)
    assert np.isnan(track.lat).sum() == 9  # the fixes the device missed


def _last_valid(values: np.ndarray) -> np.ndarray:
    index = np.where(np.isnan(values), 0, np.arange(len(values)))
    return values[np.maximum.accumulate(index)]


@pytest.fixture(scope="module")
def compressed() -> tuple[object, list[dict[str, str]]]:
    with open(FIT / "compressed-speed-distance-records.csv", newline="") as f:
        rows = [{k.strip(): v.strip() for k, v in row.items()} for row in csv.DictReader(f)]
    return read_fit((FIT / "compressed-speed-distance.fit").read_bytes()), rows


def test_compressed_timestamps_and_speed_distance_equal_fitparse_golden_values(
    compressed: tuple[object, list[dict[str, str]]],
) -> None:
    track, rows = compressed
    assert len(track) == 755
    # fitparse's test skips the first record and compares the next 754 with the CSV.
    after_first = slice(1, 755)
    fit_epoch = 631065600
    np.testing.assert_array_equal(track.time[after_first] - fit_epoch, _column(rows, "Timestamp"))
    np.testing.assert_array_equal(track.heart_rate[after_first], _column(rows, "Heart Rate [bpm]"))
    np.testing.assert_array_equal(track.cadence[after_first], _column(rows, "Cadence [rpm]"))
    np.testing.assert_allclose(track.speed[after_first], _column(rows, "Speed [m/s]"), atol=1e-9)
    np.testing.assert_allclose(
        track.distance[after_first], _column(rows, "Distance [m]"), atol=1e-9
    )


def test_a_file_with_device_relative_times_keeps_them_and_says_there_is_no_date(
    compressed: tuple[object, list[dict[str, str]]],
) -> None:
    track, _rows = compressed
    # REFERENCE.tsv: the first record's raw time is 17217864 seconds after switch-on.
    assert track.time[0] == 17217864 + 631065600
    assert any("no absolute date" in w for w in track.warnings)
    assert track.local_offset_s is None

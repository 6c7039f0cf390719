"""Streams are stored packed and come back as the Track they were, to sensor precision."""

from __future__ import annotations

import numpy as np
import pytest

from saathi.activities.streams import SCALES, pack, pack_columns, unpack, unpack_columns
from saathi.tracks.fit import read_fit
from saathi.tracks.track import CHANNELS, Track
from tests.paths import TESTDATA


def a_ride(n: int = 3600) -> Track:
    rng = np.random.default_rng(7)
    channels = Track.empty_channels(n)
    channels["time"] = 1_700_000_000.0 + np.arange(n) + rng.uniform(0, 0.001, n)
    channels["lat"] = 34.2 + np.cumsum(rng.normal(0, 5e-5, n))
    channels["lon"] = 74.3 + np.cumsum(rng.normal(0, 5e-5, n))
    channels["alt"] = 1600 + np.cumsum(rng.normal(0, 0.2, n))
    channels["heart_rate"] = np.round(120 + 20 * np.sin(np.arange(n) / 300))
    channels["power"] = rng.uniform(0, 400, n)
    # A strap that dropped out for a while, and a tunnel with no fix.
    channels["heart_rate"][1000:1200] = np.nan
    channels["lat"][2000:2100] = channels["lon"][2000:2100] = np.nan
    return Track(
        format="fit", **channels, breaks=[1800], pauses=[(1_700_001_000.0, 1_700_001_060.0)]
    )


def test_every_channel_comes_back_within_its_stored_precision() -> None:
    track = a_ride()

    back = unpack(pack(track), breaks=track.breaks, pauses=track.pauses)

    for channel in CHANNELS:
        before, after = getattr(track, channel), getattr(back, channel)
        assert np.array_equal(np.isnan(before), np.isnan(after)), channel
        finite = np.isfinite(before)
        # Rounding to the nearest step of 1/scale is off by at most half a step.
        half_step = 0.5 / SCALES[channel] + 1e-9 * np.abs(before[finite]).max(initial=0)
        assert np.abs(before[finite] - after[finite]).max(initial=0) <= half_step, channel
    assert back.breaks == [1800]
    assert back.pauses == [(1_700_001_000.0, 1_700_001_060.0)]


def test_an_empty_channel_costs_nothing_and_comes_back_empty() -> None:
    track = a_ride()
    without = Track(
        **{**{c: getattr(track, c) for c in CHANNELS}, "power": np.full(len(track), np.nan)},
        format="fit",
    )

    assert len(pack(without)) < len(pack(track))
    assert np.isnan(unpack(pack(without)).power).all()


@pytest.mark.parametrize("n", [0, 1, 2])
def test_tiny_tracks_survive_the_round_trip(n: int) -> None:
    channels = Track.empty_channels(n)
    channels["time"] = 1_700_000_000.0 + np.arange(n)
    track = Track(format="gpx", **channels)

    back = unpack(pack(track))

    assert len(back) == n
    assert np.array_equal(back.time, track.time)


def test_a_corrupt_value_is_clipped_not_an_overflow() -> None:
    channels = Track.empty_channels(3)
    channels["time"] = np.array([1e9, 1e9 + 1, 1e9 + 2])
    channels["distance"] = np.array([0.0, 1e300, -1e300])

    back = unpack(pack(Track(format="fit", **channels)))

    assert back.distance[0] == 0.0
    assert back.distance[1] > 1e15 and back.distance[2] < -1e15


def test_a_real_recording_packs_into_a_few_bytes_per_point() -> None:
    track = read_fit((TESTDATA / "fit" / "4078723797.fit").read_bytes())
    packed = pack(track)
    # float64 is 8 bytes per channel per point; packing must do far better than the
    # raw arrays and better than float32 (4 bytes per channel per point).
    present = sum(track.has(channel) for channel in CHANNELS)
    assert len(packed) / len(track) < present * 1.5
    back = unpack(packed)
    assert np.nanmax(np.abs(back.lat - track.lat)) < 1e-7


def test_named_columns_come_back_at_their_own_scale_with_their_header() -> None:
    rng = np.random.default_rng(3)
    metres = np.cumsum(rng.uniform(0, 50, 1000))
    pace = rng.uniform(0.2, 0.5, 1000)
    pace[100:150] = np.nan  # standing still: no pace
    header = {"axis": "distance", "series": [{"key": "pace", "top": 4.5}]}

    data = pack_columns({"x": (metres, 100.0), "pace": (pace, 1e6)}, header)
    back, columns = unpack_columns(data)

    assert back["axis"] == "distance" and back["series"] == header["series"]
    assert np.abs(columns["x"] - metres).max() <= 0.005
    assert np.array_equal(np.isnan(columns["pace"]), np.isnan(pace))
    assert np.nanmax(np.abs(columns["pace"] - pace)) <= 5e-7
    # Random deltas compress poorly; a real series packs far smaller than this.
    assert len(data) < (metres.nbytes + pace.nbytes) / 2.5

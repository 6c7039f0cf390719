"""Every record channel equals what fitdecode (a peer decoder, pure Python, written
independently from the FIT SDK documents) reads from the same files."""

from __future__ import annotations

from datetime import datetime

import fitdecode
import numpy as np
import pytest

from saathi.tracks.fit import read_fit
from tests.paths import TESTDATA

# One of each quirk: compressed timestamps and speed/distance, fields of odd sizes,
# chained files, summaries before records, developer fields, big files with several
# record definitions.
FILES = [
    "compressed-speed-distance.fit",
    "coros-pace-2-cycling-misaligned-fields.fit",
    "sample_mulitple_header.fit",
    "triathlon_summary_first.fit",
    "batt.fit",
    "event_timestamp.fit",
    "4801048867.fit",
    "2019-02-17-062644-ELEMNT-297E-195-0.fit",
]
SEMICIRCLES = 180 / 2**31
# fitdecode reads ~30,000 records a second: the first ones of each file keep this quick.
RECORDS = 1500


def _value(message: fitdecode.FitDataMessage, *names: str) -> float:
    for name in names:
        if message.has_field(name):
            value = message.get_value(name)
            if isinstance(value, tuple):
                value = value[0] if value else None
            if value is not None:
                if isinstance(value, datetime):
                    return value.timestamp()
                return float(value)
    return np.nan


def _fitdecode_records(name: str) -> dict[str, np.ndarray]:
    channels: dict[str, list[float]] = {c: [] for c in CHANNELS}
    with fitdecode.FitReader(
        str(TESTDATA / "fit" / name), check_crc=fitdecode.CrcCheck.DISABLED
    ) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "record":
                for channel, names in CHANNELS.items():
                    channels[channel].append(_value(frame, *names))
                if len(channels["time"]) == RECORDS:
                    break
    return {channel: np.array(values) for channel, values in channels.items()}


CHANNELS = {
    "time": ("timestamp",),
    "lat": ("position_lat",),
    "lon": ("position_long",),
    "alt": ("enhanced_altitude", "altitude"),
    "distance": ("distance",),
    "speed": ("enhanced_speed", "speed"),
    "heart_rate": ("heart_rate",),
    "cadence": ("cadence",),
    "power": ("power",),
    "temperature": ("temperature",),
}


@pytest.mark.parametrize("name", FILES)
def test_every_record_channel_equals_fitdecodes(name: str) -> None:
    track = read_fit((TESTDATA / "fit" / name).read_bytes())
    expected = _fitdecode_records(name)
    expected["lat"] = expected["lat"] * SEMICIRCLES
    expected["lon"] = expected["lon"] * SEMICIRCLES
    if name == "compressed-speed-distance.fit":
        # fitdecode leaves device-relative times as plain seconds since switch-on.
        expected["time"] = expected["time"] + 631065600
    assert len(track) >= len(expected["time"])
    for channel in CHANNELS:
        ours = getattr(track, channel)[: len(expected[channel])]
        np.testing.assert_allclose(ours, expected[channel], atol=1e-9, err_msg=channel)

"""GPX and TCX times give the same floats however they are parsed.

The fast path reads tidy UTC times by arithmetic on their digits, the careful path by
numpy's parser for a batch written alike and by `datetime` one at a time otherwise; a
file must not read differently because of how its times fell into batches.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from saathi.tracks.xml import parse_time, to_times
from saathi.tracks.xml_fast import utc_times


def _random_times(
    count: int, digits: int, seed: int, around: datetime = datetime(1700, 1, 1, tzinfo=UTC)
) -> list[str]:
    """Times within 280 years of `around`: from 1700 to 2260 by default, where a time in
    microseconds is a whole float (datetime's and numpy's sums agree only there)."""
    chance = random.Random(seed)
    found = []
    for _ in range(count):
        moment = around + timedelta(microseconds=chance.randrange(280 * 365 * 86_400 * 10**6))
        text = f"{moment.year:04d}" + moment.strftime("-%m-%dT%H:%M:%S")
        if digits:
            text += "." + f"{moment.microsecond:06d}"[:digits]
        found.append(text + "Z")
    return found


@pytest.mark.parametrize("digits", [0, 1, 3, 6])
def test_utc_times_from_their_digits_equal_the_careful_parsers(digits: int) -> None:
    texts = _random_times(3000, digits, seed=digits)
    fast = utc_times([t.encode() for t in texts])
    assert fast is not None
    assert np.array_equal(fast, to_times(texts, []))
    assert np.array_equal(fast, [parse_time(t) for t in texts])


@pytest.mark.parametrize(
    "texts",
    [
        ["2019-02-29T00:00:00Z"],  # not a leap year
        ["2020-04-31T00:00:00Z"],
        ["2020-13-01T00:00:00Z"],
        ["2020-01-01T24:00:00Z"],
        ["2020-01-01T23:60:00Z"],
        ["2020-01-01T23:59:60Z"],
        ["0000-01-01T00:00:00Z"],
        ["2020-01-01t00:00:00Z"],
        ["2020-01-01 00:00:00Z"],
        ["2020-01-01T00:00:00"],
        ["2020-01-01T00:00:00+00:00"],
        ["2020-01-01T00:00:00.1234567Z"],
        ["2020-01-01T00:00:00Z", "2020-01-01T00:00:00.5Z"],  # not all alike
        ["2020-01-01T00:00:00.5Z", "2020-01-01T00:00:00Z"],
        ["2020-01-01T00:00:0xZ"],
        [" 2020-01-01T00:00:00Z"],
    ],
)
def test_utc_times_leave_anything_untidy_to_the_careful_parser(texts: list[str]) -> None:
    assert utc_times([t.encode() for t in texts]) is None


def test_utc_times_know_leap_days_and_the_ends_of_months() -> None:
    texts = ["2020-02-29T12:00:00Z", "2000-02-29T00:00:00Z", "1999-12-31T23:59:59Z"]
    found = utc_times([t.encode() for t in texts])
    assert found is not None
    assert list(found) == [parse_time(t) for t in texts]


@pytest.mark.parametrize("offset", ["+05:30", "-03:00", "+14:00"])
def test_a_batch_written_with_one_offset_equals_its_times_read_one_by_one(offset: str) -> None:
    # Around 2004-01-10T13:37:04Z (2**30 s), where subtracting the offset after dividing
    # rounds differently from datetime, which subtracts first.
    chance = random.Random(offset)
    local = timedelta(hours=int(offset[:3]), minutes=int(offset[0] + offset[4:]))
    texts = []
    for _ in range(3000):
        moment = datetime.fromtimestamp(2**30, UTC) + local
        moment += timedelta(microseconds=chance.randrange(-(10**11), 10**11))
        texts.append(moment.strftime("%Y-%m-%dT%H:%M:%S.%f") + offset)
    assert np.array_equal(to_times(texts, []), [parse_time(t) for t in texts])

"""Whatever bytes it is given, the FIT reader returns a Track or raises TrackError: never
another exception, never a hang. Real files, cut short and with random bytes changed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saathi.tracks.fit import read_fit
from saathi.tracks.track import TrackError
from tests.paths import TESTDATA

# Small files so that each example runs in milliseconds, chosen for their quirks:
# compressed timestamps and speed/distance, chained headers, developer fields.
SEEDS = [
    (TESTDATA / "fit" / name).read_bytes()
    for name in (
        "compressed-speed-distance.fit",
        "2020-06-01-16-52-40.fit",
        "6471559601_ACTIVITY.fit",
    )
] + [(TESTDATA / "malformed" / "activity-settings-corruptheader.fit").read_bytes()]


def _read(data: bytes) -> None:
    try:
        track = read_fit(data)
    except TrackError as error:
        assert error.message
    else:
        assert len(track) > 0


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.sampled_from(SEEDS), cut=st.floats(0, 1))
def test_a_truncated_real_file_reads_or_raises_track_error(seed: bytes, cut: float) -> None:
    _read(seed[: int(len(seed) * cut)])


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.sampled_from(SEEDS),
    changes=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=8),
    # Most damage that matters is in headers and definitions, near the start.
    near_start=st.booleans(),
)
def test_a_real_file_with_random_bytes_changed_reads_or_raises_track_error(
    seed: bytes, changes: list[tuple[float, int]], near_start: bool
) -> None:
    data = bytearray(seed)
    span = min(len(data), 400) if near_start else len(data)
    for where, value in changes:
        data[int(where * (span - 1))] = value
    _read(bytes(data))


@settings(max_examples=100, deadline=2000)
@given(st.binary(max_size=300))
def test_random_bytes_after_a_fit_header_read_or_raise_track_error(body: bytes) -> None:
    header = bytes([12, 0x10]) + (2132).to_bytes(2, "little") + len(body).to_bytes(4, "little")
    _read(header + b".FIT" + body)

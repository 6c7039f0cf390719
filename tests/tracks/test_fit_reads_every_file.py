"""Every readable FIT file in the test data reads whole, with nothing to warn about
except what is really odd about it."""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np
import pytest

from saathi.tracks.fit import read_fit
from tests.paths import TESTDATA

FILES = sorted((TESTDATA / "fit").glob("*.fit"))
EXPECTED_WARNINGS = {"compressed-speed-distance.fit": ["no absolute date"]}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_fit_file_reads_without_damage(path: Path) -> None:
    track = read_fit(path.read_bytes())
    assert len(track) > 0
    expected = EXPECTED_WARNINGS.get(path.name, [])
    assert len(track.warnings) == len(expected)
    for warning, words in zip(track.warnings, expected, strict=True):
        assert words in warning
    assert np.isfinite(track.time).all()
    assert (np.diff(track.time) >= 0).mean() > 0.99  # a few devices step back a second


def test_the_strava_export_fit_file_reads_after_gunzip() -> None:
    path = TESTDATA / "strava_export_min" / "activities" / "12866632127.fit.gz"
    track = read_fit(gzip.decompress(path.read_bytes()))
    assert len(track) == 326  # REFERENCE.tsv n_points
    assert track.device == "Garmin Venu Sq"
    assert track.altitude_source == "gps"  # the Venu Sq has no barometer

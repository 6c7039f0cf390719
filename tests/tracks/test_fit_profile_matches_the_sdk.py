"""The generated fit_profile.py still says what Garmin's FIT SDK profile says."""

from __future__ import annotations

import pytest

from saathi.tracks import fit_profile
from tests.scripts import load_script

pytest.importorskip("garmin_fit_sdk")


def test_the_committed_profile_equals_a_fresh_extract_from_the_sdk() -> None:
    generator = load_script("gen_fit_profile")
    namespace: dict[str, object] = {}
    exec(generator._render(), namespace)
    assert namespace["MESSAGES"] == fit_profile.MESSAGES
    assert namespace["FIELDS"] == fit_profile.FIELDS
    assert namespace["TYPES"] == fit_profile.TYPES
    assert namespace["BASE_TYPES"] == fit_profile.BASE_TYPES


def test_the_record_fields_have_the_fit_protocols_numbers_and_scales() -> None:
    record = fit_profile.FIELDS[fit_profile.MESSAGES["record"]]
    # FIT protocol document: record.altitude is uint16, scale 5, offset 500; speed 1000.
    assert record[2] == ("altitude", "uint16", 5.0, 500.0)
    assert record[6] == ("speed", "uint16", 1000.0, 0.0)
    assert record[0][0] == "position_lat" and record[1][0] == "position_long"

"""Shared by the track engine's tests: where the real activity files are."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The real files live beside the repository, in the workplace's shared folder.
TESTDATA = ROOT.parent / "shared" / "testdata"


@pytest.fixture
def testdata() -> Path:
    return TESTDATA

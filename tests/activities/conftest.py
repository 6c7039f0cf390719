"""People for the activity tests, and the real files every import test reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from saathi.accounts.models import User
from tests.paths import TESTDATA

# Every file a device or app wrote that Saathi must import (not the malformed ones).
REAL_FILES = sorted(
    [
        *(TESTDATA / "fit").glob("*.fit"),
        *(TESTDATA / "gpx").glob("*.gpx*"),
        *(TESTDATA / "tcx").glob("*.tcx"),
        *(TESTDATA / "strava_export_min" / "activities").glob("*"),
    ]
)
MALFORMED_FILES = sorted((TESTDATA / "malformed").iterdir())


def file_id(path: Path) -> str:
    return str(path.relative_to(TESTDATA))


@pytest.fixture
def owner(db: None) -> User:
    return User.objects.create_user(
        "asha", "asha@example.org", time_zone="Asia/Kolkata", max_hr=190, resting_hr=50
    )


@pytest.fixture
def stranger(db: None) -> User:
    return User.objects.create_user("ravi", "ravi@example.org")

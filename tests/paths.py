"""Where the suite's files are: the repository, the real activity files, the output folder.

A plain module (no fixtures), so that tests, conftests, `bench/` and `scripts/` all name
the same folders. The real files are committed in `tests/data/`; `make testdata` refreshes
them from the workplace's collection when it is present (docs/developing.md).
"""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
TESTDATA = REPO_ROOT / "tests" / "data"
# Screenshots and other artefacts a person looks at after a run (gitignored).
OUTPUT_DIR = REPO_ROOT / "test-output"

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
    """A real file's name below tests/data, as a test id: `fit/4078723797.fit`."""
    return str(path.relative_to(TESTDATA))

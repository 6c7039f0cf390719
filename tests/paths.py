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

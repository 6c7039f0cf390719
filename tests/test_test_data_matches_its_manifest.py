"""tests/data holds exactly the files MANIFEST.tsv lists, each of its size and sha256."""

from __future__ import annotations

from tests.paths import TESTDATA
from tests.scripts import load_script


def test_every_test_file_has_the_size_and_sha256_its_manifest_gives() -> None:
    testdata = load_script("testdata")
    assert testdata.verify(TESTDATA) == []
    assert testdata.read_table(TESTDATA / "MANIFEST.tsv"), "MANIFEST.tsv lists no file"

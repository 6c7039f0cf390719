"""`make testdata` copies the collection's files it may redistribute, rewrites the paths in
MANIFEST.tsv and REFERENCE.tsv, and names every file that is missing or changed."""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import ModuleType

import pytest

from tests.scripts import load_script

MANIFEST_HEAD = (
    "file\tsource_repo\tsource_path\tsource_commit\tlicense_of_source_repo\tformat"
    "\tdevice_or_app\tsport\tnotes\tsize_bytes\tsha256\n"
)
REFERENCE_HEAD = "file\tscope\tn_points\treference_source\n"
RIDE = b"a ride, as a device wrote it"
WALK = b"a walk under a licence that forbids selling it"


def _row(name: str, data: bytes, licence: str) -> str:
    sha = hashlib.sha256(data).hexdigest()
    return (
        f"shared/testdata/{name}\towner/repo\ttests/{name}\t{'ab' * 20}\t{licence}\tfit"
        f"\tGarmin Edge 500\tcycling\tseen in shared/testdata too\t{len(data)}\t{sha}\n"
    )


@pytest.fixture
def script() -> ModuleType:
    return load_script("testdata")


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    """A collection like ../shared/testdata: one MIT ride, one CC BY-NC walk, the tool."""
    source = tmp_path / "shared" / "testdata"
    (source / "fit").mkdir(parents=True)
    (source / "tools").mkdir()
    (source / "fit" / "ride.fit").write_bytes(RIDE)
    (source / "fit" / "walk.fit").write_bytes(WALK)
    (source / "tools" / "reference_rows.py").write_text("print('rows')\n")
    (source / "README.md").write_text("the collection's own description\n")
    (source / "MANIFEST.tsv").write_text(
        MANIFEST_HEAD
        + _row("fit/ride.fit", RIDE, "MIT")
        + _row("fit/walk.fit", WALK, "CC-BY-NC-4.0")
    )
    (source / "REFERENCE.tsv").write_text(
        REFERENCE_HEAD
        + "shared/testdata/fit/ride.fit\tfit_session[0]\t12\tdevice, via shared/testdata\n"
        + "shared/testdata/fit/walk.fit\tfit_session[0]\t7\tdevice\n"
    )
    return source


def test_it_copies_what_it_may_and_rewrites_only_the_file_column(
    script: ModuleType, collection: Path, tmp_path: Path
) -> None:
    target = tmp_path / "tests" / "data"
    done = script.sync(collection, target)
    assert sorted(done.copied) == [
        "MANIFEST.tsv",
        "REFERENCE.tsv",
        "fit/ride.fit",
        "tools/reference_rows.py",
    ]
    assert (target / "fit" / "ride.fit").read_bytes() == RIDE
    assert not (target / "README.md").exists()
    manifest = (target / "MANIFEST.tsv").read_text()
    assert manifest == MANIFEST_HEAD + _row("fit/ride.fit", RIDE, "MIT").replace(
        "shared/testdata/fit/ride.fit", "tests/data/fit/ride.fit", 1
    )
    assert (target / "REFERENCE.tsv").read_text() == (
        REFERENCE_HEAD
        + "tests/data/fit/ride.fit\tfit_session[0]\t12\tdevice, via shared/testdata\n"
    )
    assert script.verify(target) == []
    assert script.sync(collection, target).copied == []


def test_it_refuses_a_file_whose_licence_it_may_not_redistribute_and_says_so(
    script: ModuleType, collection: Path, tmp_path: Path
) -> None:
    done = script.sync(collection, tmp_path / "data")
    assert done.refused == ["fit/walk.fit (licence CC-BY-NC-4.0)"]
    assert not (tmp_path / "data" / "fit" / "walk.fit").exists()
    for licence in ["MIT", "BSD-2-Clause", "BSD-3-Clause", "Apache-2.0", "GPL-2.0-only"]:
        assert script.may_redistribute(licence), licence
    for licence in ["AGPL-3.0", "AGPL-3.0-or-later", "LGPL-2.1-or-later", "GPL-3.0+"]:
        assert script.may_redistribute(licence), licence
    for licence in ["CC-BY-NC-4.0", "CC-BY-SA-4.0", "proprietary", "", "MIT or worse"]:
        assert not script.may_redistribute(licence), licence


def test_it_names_each_file_that_is_missing_changed_or_unlisted(
    script: ModuleType, collection: Path, tmp_path: Path
) -> None:
    target = tmp_path / "data"
    script.sync(collection, target)
    (target / "fit" / "ride.fit").write_bytes(RIDE.upper())
    (target / "fit" / "stray.fit").write_bytes(b"nobody listed me")
    assert script.verify(target) == [
        "tests/data/fit/ride.fit: its sha256 differs from MANIFEST.tsv's",
        "tests/data/fit/stray.fit: not in MANIFEST.tsv",
    ]
    (target / "fit" / "ride.fit").write_bytes(RIDE[:-1])
    assert script.verify(target)[0] == (
        f"tests/data/fit/ride.fit: {len(RIDE) - 1} bytes, MANIFEST.tsv says {len(RIDE)}"
    )
    (target / "fit" / "ride.fit").unlink()
    assert script.verify(target)[0] == "tests/data/fit/ride.fit: missing"


def test_a_refresh_mends_a_changed_file_and_removes_one_the_collection_dropped(
    script: ModuleType, collection: Path, tmp_path: Path
) -> None:
    target = tmp_path / "data"
    script.sync(collection, target)
    (target / "fit" / "ride.fit").write_bytes(b"damaged")
    (target / "fit" / "stray.fit").write_bytes(b"nobody listed me")
    done = script.sync(collection, target)
    assert done.copied == ["fit/ride.fit"]
    assert done.removed == ["fit/stray.fit"]
    assert script.verify(target) == []


def test_the_command_fails_naming_the_file_when_the_copy_is_damaged(
    script: ModuleType,
    collection: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "data"
    script.sync(collection, target)
    monkeypatch.setattr(script, "TESTDATA", target)
    assert script.main(["--check"]) == 0
    (target / "fit" / "ride.fit").write_bytes(b"damaged")
    assert script.main(["--check"]) == 1
    assert "tests/data/fit/ride.fit" in capsys.readouterr().err
    # Without the collection beside the repository, it checks what is there.
    assert script.main(["--from", str(tmp_path / "nowhere")]) == 1
    assert script.main(["--from", str(collection)]) == 0


def test_listed_only_mends_what_is_here_and_adds_nothing_new(
    script: ModuleType, collection: Path, tmp_path: Path
) -> None:
    target = tmp_path / "data"
    script.sync(collection, target)
    (collection / "fit" / "new.fit").write_bytes(RIDE * 2)
    manifest = (collection / "MANIFEST.tsv").read_text()
    (collection / "MANIFEST.tsv").write_text(manifest + _row("fit/new.fit", RIDE * 2, "MIT"))
    (target / "fit" / "ride.fit").write_bytes(b"damaged")
    done = script.sync(collection, target, listed_only=True)
    assert done.copied == ["fit/ride.fit"]
    assert not (target / "fit" / "new.fit").exists()
    assert "new.fit" not in (target / "MANIFEST.tsv").read_text()
    assert script.verify(target) == []
    assert script.sync(collection, target).copied == ["fit/new.fit", "MANIFEST.tsv"]

"""`serve` collects static files again exactly when a source changed or the output went."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from saathi.config.upgrade import (
    collect_static,
    static_files_collected,
    static_sources_hash,
    unapplied_migrations,
)

MANIFEST_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"


@pytest.fixture
def sources(settings: Settings, tmp_path: Path) -> Path:
    """Two source files, the only ones found, collected by the production storage."""
    folder = tmp_path / "sources"
    (folder / "site").mkdir(parents=True)
    (folder / "site" / "site.css").write_text("body { color: black; }\n")
    (folder / "site" / "site.js").write_text("console.log('hi');\n")
    settings.STATICFILES_DIRS = [folder]
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STATIC_ROOT = tmp_path / "data" / "static"
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST_STORAGE}}
    return folder


def test_a_collection_counts_until_its_output_is_removed(sources: Path, settings: Settings) -> None:
    before = static_sources_hash()
    assert not static_files_collected(before)

    collect_static(before)

    static_root = Path(settings.STATIC_ROOT)
    assert (static_root / "staticfiles.json").exists()
    assert (static_root.parent / "static-sources.sha256").read_text() == before + "\n"
    assert static_files_collected(before)
    assert static_sources_hash() == before
    (static_root / "staticfiles.json").unlink()
    assert not static_files_collected(before)


def rewritten_same_size(css: Path) -> None:
    css.write_text("body { color: orange }\n")
    os.utime(css, ns=(css.stat().st_atime_ns, css.stat().st_mtime_ns + 1_000_000))


def put_back_with_an_older_time(css: Path) -> None:
    os.utime(css, (1_000_000_000, 1_000_000_000))


def grown_with_its_time_kept(css: Path) -> None:
    times = (css.stat().st_atime_ns, css.stat().st_mtime_ns)
    css.write_text("body { color: black; margin: 0; }\n")
    os.utime(css, ns=times)


def a_file_beside_it(css: Path) -> None:
    (css.parent / "print.css").write_text("nav { display: none; }\n")


def removed(css: Path) -> None:
    css.unlink()


@pytest.mark.parametrize(
    "change",
    [
        rewritten_same_size,
        put_back_with_an_older_time,
        grown_with_its_time_kept,
        a_file_beside_it,
        removed,
    ],
)
def test_any_change_to_the_sources_changes_the_hash(
    sources: Path, change: Callable[[Path], None]
) -> None:
    before = static_sources_hash()
    collect_static(before)

    change(sources / "site" / "site.css")

    assert static_sources_hash() != before
    assert not static_files_collected(static_sources_hash())


def test_files_a_collection_ignores_do_not_count(sources: Path) -> None:
    before = static_sources_hash()

    # collectstatic's default ignore patterns: hidden files and editor backups.
    (sources / "site" / ".site.css.swp").write_text("x")
    (sources / "site" / "site.css~").write_text("x")

    assert static_sources_hash() == before


def test_switching_the_storage_asks_for_a_new_collection(sources: Path, settings: Settings) -> None:
    production = static_sources_hash()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }

    assert static_sources_hash() != production


def test_a_migrated_database_has_no_migrations_to_apply(db: None) -> None:
    assert unapplied_migrations() == []

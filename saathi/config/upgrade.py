"""Bring the database and the static files up to date with the installed code.

A new data dir has no tables and no static files, and an upgrade may bring migrations and
changed stylesheets; without them every page is an HTTP 500. `saathi serve` runs this at
every start, so both checks must cost little when nothing changed: the migration plan is
read from Django's graph and the database's record of applied migrations, and the static
sources' names, sizes and modification times are compared, as one hash, with the hash
recorded at the last collection.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.apps import StaticFilesConfig
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor


def bring_up_to_date(say: Callable[[str], None]) -> None:
    started = time.perf_counter()
    pending = unapplied_migrations()
    if pending:
        # A new database takes them all; an upgrade's few are worth naming in the log.
        names = f": {', '.join(pending)}" if len(pending) <= 5 else ""
        say(f"applying {len(pending)} migrations{names}")
        call_command("migrate", interactive=False, verbosity=0)
    sources = static_sources_hash()
    collect = not static_files_collected(sources)
    if collect:
        say("collecting static files")
        collect_static(sources)
    # The children open their own connections; this process has no further use for one.
    connections.close_all()
    took = time.perf_counter() - started
    if pending or collect:
        say(f"database and static files brought up to date in {took:.1f} s")
    else:
        say(f"migrations and static files up to date (checked in {took * 1000:.0f} ms)")


def unapplied_migrations() -> list[str]:
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def static_sources_hash() -> str:
    """What collectstatic would read: every source file's name, size and modification time.

    Compared for equality, not "newer than": a file put back with an older time (`cp -p`,
    rsync, an installer linking from its cache) counts as a change too.
    """
    # collectstatic's own default ignore patterns, and its rule that the first finder to
    # list a name is the one whose file is collected.
    config = apps.get_app_config("staticfiles")
    assert isinstance(config, StaticFilesConfig)
    ignore = config.ignore_patterns
    found: dict[str, str] = {}
    for finder in finders.get_finders():
        for path, storage in finder.list(ignore):
            prefix = getattr(storage, "prefix", None)
            name = os.path.join(prefix, path) if prefix else path
            if name not in found:
                stat = os.stat(storage.path(path))
                found[name] = f"{stat.st_size} {stat.st_mtime_ns}"
    # The storage too: debug mode collects plain copies, production hashed and compressed.
    backend = staticfiles_storage.__class__  # the lazy object passes this to the storage
    digest = hashlib.sha256(f"{backend.__module__}.{backend.__qualname__}".encode())
    for name in sorted(found):
        digest.update(f"\n{name}\0{found[name]}".encode())
    return digest.hexdigest()


def static_files_collected(sources: str) -> bool:
    """True when the last collection read these sources and its output is still there."""
    manifest = getattr(staticfiles_storage, "manifest_name", None)
    if manifest is not None and not staticfiles_storage.exists(manifest):
        return False
    recorded = _recorded_hash_file()
    return recorded.exists() and recorded.read_text().strip() == sources


def collect_static(sources: str) -> None:
    call_command("collectstatic", interactive=False, verbosity=0)
    # Recorded only once collectstatic succeeded; written whole, so that a start that
    # dies half-way never leaves a hash that claims the files are collected.
    recorded = _recorded_hash_file()
    partial = recorded.with_suffix(".partial")
    partial.write_text(sources + "\n")
    partial.replace(recorded)


def _recorded_hash_file() -> Path:
    # Beside the static root, not in it: WhiteNoise serves every file in there.
    return Path(settings.STATIC_ROOT).parent / "static-sources.sha256"

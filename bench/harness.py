"""What the benchmarks share: a clean environment and one child process per database.

A bench measures in a process of its own, so that settings are read once, from the
environment it is given: the script reruns itself with `--child` and prints its result
as JSON on the last line of its output. `on_sqlite` runs that child against a fresh
SQLite database in a temporary data dir, `on_postgres` against a temporary database on
the PostgreSQL server at SAATHI_BENCH_POSTGRES (dropped afterwards); `on_each_database`
runs it on both in turn.

The scripts are run by path (`python bench/records.py`), so Python finds this module
next to them. Importing it also puts the repository first on sys.path, so `saathi`
comes from this checkout, and the real activity files come from its tests/data.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_SERVER = os.environ.get("SAATHI_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.paths import TESTDATA as TESTDATA  # noqa: E402  (the benches read it from here)


def environment(data_dir: str, database_url: str = "") -> dict[str, str]:
    """This process's environment without its SAATHI_* settings, set for one data dir.

    SQLite (in the data dir) unless a database URL is given; errors only in the log;
    `testserver` allowed, for pages fetched through Django's test client.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAATHI_")}
    env.update(
        DJANGO_SETTINGS_MODULE="saathi.config.settings",
        SAATHI_DATA_DIR=data_dir,
        SAATHI_LOG_LEVEL="error",
        SAATHI_ALLOWED_HOSTS="testserver",
    )
    if database_url:
        env["SAATHI_DATABASE_URL"] = database_url
    return env


def child(script: str, arguments: list[str], env: dict[str, str]) -> dict[str, Any]:
    """Run `script --child *arguments` in `env`; the JSON on its last line of output."""
    done = subprocess.run(
        [sys.executable, script, "--child", *arguments],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def on_sqlite(script: str, arguments: list[str]) -> dict[str, Any]:
    """The child's result on a fresh SQLite database in a temporary data dir."""
    with tempfile.TemporaryDirectory() as data_dir:
        return child(script, arguments, environment(data_dir))


def on_postgres(script: str, arguments: list[str]) -> dict[str, Any] | None:
    """The child's result on a temporary PostgreSQL database; None if no server answers."""
    import psycopg

    name = f"saathi_bench_{Path(script).stem}_{secrets.token_hex(4)}"
    try:
        admin = psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        print(f"PostgreSQL: skipped, no server at {POSTGRES_SERVER} ({error})", file=sys.stderr)
        return None
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            with tempfile.TemporaryDirectory() as data_dir:
                env = environment(data_dir, f"{POSTGRES_SERVER}/{name}")
                return child(script, arguments, env)
        finally:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def on_each_database(
    script: str, arguments: list[str], *, sqlite_only: bool = False
) -> Iterator[tuple[str, dict[str, Any]]]:
    """("SQLite", its result), then ("PostgreSQL", its result) unless `sqlite_only` or
    no server answers."""
    yield "SQLite", on_sqlite(script, arguments)
    if not sqlite_only:
        result = on_postgres(script, arguments)
        if result is not None:
            yield "PostgreSQL", result


def plain_static_storage() -> None:
    """Serve static files without the manifest storage, which needs `collectstatic` first.

    For pages fetched through the test client; call after django.setup(). Also makes
    STATIC_ROOT (in the data dir), which WhiteNoise looks for.
    """
    from django.conf import settings

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)

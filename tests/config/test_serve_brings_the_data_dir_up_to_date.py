"""`saathi serve` migrates and collects static files on a new data dir, and only then."""

from __future__ import annotations

import re
import sqlite3
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.processes import fresh_install_env, start_saathi, stop
from tests.services import free_port, wait_until

pytestmark = pytest.mark.processes


@dataclass
class Start:
    log: str
    # The login page's status and body, fetched while that start was serving.
    status: int
    page: str


@contextmanager
def serving(env: dict[str, str], log: Path, *args: str) -> Iterator[int]:
    """`saathi serve ARGS` on a free port, until the web server answers; stopped after."""
    port = free_port()
    process = start_saathi({**env, "SAATHI_PORT": str(port)}, "serve", *args, log=log)
    try:
        # Any answer, a 500 included: gunicorn's workers load Django on the first request.
        wait_until(
            lambda: process.poll() is not None or login_page(port)[0] != 0,
            timeout=90,
            what=f"saathi serve on port {port}",
        )
        assert process.poll() is None, f"serve exited early:\n{log.read_text()}"
        yield port
    finally:
        assert stop(process) == 0, f"serve did not stop cleanly:\n{log.read_text()}"


def login_page(port: int) -> tuple[int, str]:
    """The status and body of /accounts/login/, or (0, "") while nothing answers."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=30) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return 0, ""


def start(env: dict[str, str], log: Path, *args: str) -> Start:
    with serving(env, log, *args) as port:
        status, page = login_page(port)
    return Start(log.read_text(), status, page)


def tables(database: Path) -> set[str]:
    if not database.exists():
        return set()
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {name for (name,) in rows}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("upgrade") / "data"


@pytest.fixture(scope="module")
def env(data_dir: Path) -> dict[str, str]:
    return fresh_install_env(data_dir)


@pytest.fixture(scope="module")
def first(env: dict[str, str], data_dir: Path) -> Start:
    assert not data_dir.exists()
    return start(env, data_dir.parent / "first.log")


def test_the_first_start_on_an_empty_data_dir_migrates_collects_and_serves_the_login_page(
    first: Start, data_dir: Path
) -> None:
    assert re.search(r"applying \d+ migrations", first.log), first.log
    assert "collecting static files" in first.log
    assert first.status == 200, first.log
    assert "<h1>Log in</h1>" in first.page
    assert re.search(r'href="/static/saathi/site\.[0-9a-f]{12}\.css"', first.page)
    assert {"django_migrations", "accounts_user", "django_session"} <= tables(
        data_dir / "saathi.sqlite3"
    )


def test_a_second_start_does_neither_again(
    first: Start, env: dict[str, str], data_dir: Path
) -> None:
    outputs = [
        data_dir / "static" / "staticfiles.json",
        data_dir / "static-sources.sha256",
        data_dir / "static" / "saathi" / "site.css",
    ]
    before = [path.stat().st_mtime_ns for path in outputs]

    second = start(env, data_dir.parent / "second.log")

    assert "migrations and static files up to date (checked in" in second.log, second.log
    assert "applying" not in second.log
    assert "collecting" not in second.log
    assert [path.stat().st_mtime_ns for path in outputs] == before
    assert second.status == 200
    assert "<h1>Log in</h1>" in second.page


def test_no_migrate_on_an_empty_data_dir_touches_neither(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"

    started = start(fresh_install_env(data_dir), tmp_path / "serve.log", "--no-migrate")

    assert "serving http://" in started.log
    assert "applying" not in started.log
    assert "collecting" not in started.log
    # What `--no-migrate` leaves to the release step is missing, so the page fails.
    assert started.status == 500
    assert "django_migrations" not in tables(data_dir / "saathi.sqlite3")
    assert not (data_dir / "static").exists()
    assert not (data_dir / "static-sources.sha256").exists()


def test_serve_stops_before_starting_anything_when_the_database_is_unreachable(
    tmp_path: Path,
) -> None:
    env = fresh_install_env(tmp_path / "data")
    # A port nothing listens on: the migration plan cannot be read.
    env["SAATHI_DATABASE_URL"] = f"postgres://nobody@127.0.0.1:{free_port()}/saathi"
    log = tmp_path / "serve.log"

    process = start_saathi(env, "serve", log=log)

    assert process.wait(timeout=60) == 1
    text = log.read_text()
    assert "could not bring the database up to date" in text, text
    assert "started (pid" not in text

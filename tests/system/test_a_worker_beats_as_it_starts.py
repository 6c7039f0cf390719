"""A worker beats as it starts, so the upload page does not call a fresh worker stopped
until the first minute's beat."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from tests.processes import fresh_install_env, run_saathi, start_saathi, stop

pytestmark = pytest.mark.processes


def _beats(database: Path) -> list[tuple[str]]:
    with sqlite3.connect(database) as db:
        return db.execute("SELECT hostname FROM system_workerheartbeat").fetchall()


def test_a_consumer_leaves_a_heartbeat_as_soon_as_it_starts(tmp_path: Path) -> None:
    env = fresh_install_env(tmp_path / "data")
    run_saathi(env, "manage", "migrate", "--no-input", "-v", "0")
    database = tmp_path / "data" / "saathi.sqlite3"
    assert _beats(database) == []

    # No periodic tasks: the minute's heartbeat cannot be what writes the row.
    log = tmp_path / "consumer.log"
    consumer = start_saathi(env, "manage", "run_huey", "--no-periodic", log=log)
    try:
        deadline = time.monotonic() + 30
        while not _beats(database) and time.monotonic() < deadline:
            time.sleep(0.2)
        beats = _beats(database)
    finally:
        code = stop(consumer)

    assert len(beats) == 1, log.read_text()
    assert code == 0, log.read_text()

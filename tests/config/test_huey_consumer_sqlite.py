"""The embedded default: a real consumer runs a job queued in SQLite in the data dir."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from huey import SqliteHuey

from tests.processes import heartbeat_through_a_consumer

pytestmark = pytest.mark.processes


def test_a_consumer_runs_the_heartbeat_queued_in_sqlite(
    saathi_env: dict[str, str], tmp_path: Path
) -> None:
    data_dir = Path(saathi_env["SAATHI_DATA_DIR"])

    def queue() -> SqliteHuey:
        return SqliteHuey("saathi", filename=str(data_dir / "huey.sqlite3"))

    started = datetime.now(UTC)

    result = heartbeat_through_a_consumer(saathi_env, queue, tmp_path / "consumer.log")

    # The job ran in the consumer process, not here, and wrote to the consumer's database.
    assert result["pid"] == result["consumer_pid"]
    seen_at = datetime.fromisoformat(result["seen_at"])
    assert started - timedelta(seconds=1) <= seen_at <= datetime.now(UTC)
    with sqlite3.connect(data_dir / "saathi.sqlite3") as db:
        rows = db.execute("SELECT hostname FROM system_workerheartbeat").fetchall()
    assert rows == [(result["hostname"],)]

"""At scale: a real consumer runs a job queued in Redis (SAATHI_REDIS_URL)."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from huey import RedisHuey

from tests.processes import heartbeat_through_a_consumer
from tests.services import redis_url

pytestmark = [pytest.mark.redis, pytest.mark.processes]


def test_a_consumer_runs_the_heartbeat_queued_in_redis(
    saathi_env: dict[str, str], tmp_path: Path
) -> None:
    url = redis_url()
    # A name of its own, so that no other run's consumer can take this job.
    name = f"saathi-test-{secrets.token_hex(4)}"
    saathi_env.update(SAATHI_REDIS_URL=url, SAATHI_HUEY_NAME=name)
    queue = RedisHuey(name, url=url)
    started = datetime.now(UTC)
    try:
        result = heartbeat_through_a_consumer(saathi_env, lambda: queue, tmp_path / "consumer.log")
    finally:
        queue.storage.flush_all()

    assert result["pid"] == result["consumer_pid"]
    seen_at = datetime.fromisoformat(result["seen_at"])
    assert started - timedelta(seconds=1) <= seen_at <= datetime.now(UTC)

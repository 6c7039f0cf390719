"""Pages can tell whether a background worker is alive from the heartbeat it leaves."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from saathi.system.models import WorkerHeartbeat

NOW = datetime(2026, 5, 14, 6, 30, tzinfo=UTC)

pytestmark = pytest.mark.django_db


def test_a_site_whose_worker_never_ran_has_a_stopped_worker() -> None:
    assert WorkerHeartbeat.objects.last_seen() is None
    assert WorkerHeartbeat.objects.worker_seems_stopped(now=NOW)


def test_a_worker_seen_two_minutes_ago_is_running_and_four_minutes_ago_is_not() -> None:
    WorkerHeartbeat.beat(now=NOW - timedelta(minutes=2))
    assert not WorkerHeartbeat.objects.worker_seems_stopped(now=NOW)
    assert WorkerHeartbeat.objects.worker_seems_stopped(now=NOW + timedelta(minutes=2))


def test_a_host_keeps_one_row_and_the_latest_beat_of_any_host_counts() -> None:
    WorkerHeartbeat.beat(now=NOW - timedelta(minutes=10))
    WorkerHeartbeat.beat(now=NOW - timedelta(minutes=1))
    WorkerHeartbeat.objects.create(hostname="worker-2", seen_at=NOW - timedelta(minutes=30))

    assert WorkerHeartbeat.objects.count() == 2
    assert WorkerHeartbeat.objects.last_seen() == NOW - timedelta(minutes=1)

"""Jobs the worker runs to report on itself."""

from __future__ import annotations

import os

from huey import crontab
from huey.contrib.djhuey import close_db, db_periodic_task, db_task, on_startup

from saathi.system.models import WorkerHeartbeat


@db_task()
def heartbeat() -> dict[str, object]:
    """Record that a worker is alive; enqueued on demand, its result says which one ran it."""
    beat = WorkerHeartbeat.beat()
    return {"hostname": beat.hostname, "seen_at": beat.seen_at.isoformat(), "pid": os.getpid()}


# Huey keeps no result for a periodic task, hence the two: pages read the row it leaves.
@db_periodic_task(crontab(minute="*"))
def heartbeat_every_minute() -> None:
    WorkerHeartbeat.beat()


# A worker that has just started says so at once: until the first minute's beat the upload
# page would otherwise tell people it is not running. Run by each worker thread as it starts
# (a consumer started with --no-periodic beats only here).
@on_startup()
@close_db
def heartbeat_at_startup() -> None:
    WorkerHeartbeat.beat()

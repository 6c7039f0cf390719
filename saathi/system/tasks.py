"""Jobs the worker runs to report on itself."""

from __future__ import annotations

import os

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from saathi.system.models import WorkerHeartbeat


@db_periodic_task(crontab(minute="*"))
def heartbeat() -> dict[str, object]:
    """Record that a worker is alive, so pages can warn when none is."""
    beat = WorkerHeartbeat.beat()
    # The pid tells a caller which process ran the job (tests check it was the worker).
    return {"hostname": beat.hostname, "seen_at": beat.seen_at.isoformat(), "pid": os.getpid()}

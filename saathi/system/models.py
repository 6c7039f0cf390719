from __future__ import annotations

import socket
from datetime import datetime, timedelta

from django.db import models
from django.utils import timezone

# The heartbeat task runs every minute; three missed beats is a stopped worker, not a
# busy one (a long import holds one worker thread, the others still beat).
STOPPED_AFTER = timedelta(minutes=3)


class HeartbeatQuerySet(models.QuerySet["WorkerHeartbeat"]):
    def last_seen(self) -> datetime | None:
        latest = self.aggregate(latest=models.Max("seen_at"))["latest"]
        return latest if isinstance(latest, datetime) else None

    def worker_seems_stopped(self, *, now: datetime | None = None) -> bool:
        last = self.last_seen()
        return last is None or (now or timezone.now()) - last > STOPPED_AFTER


class WorkerHeartbeat(models.Model):
    """When a background worker on this host last ran a job: one row per host."""

    hostname = models.CharField(max_length=255, unique=True)
    seen_at = models.DateTimeField()

    objects = HeartbeatQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.hostname} at {self.seen_at:%Y-%m-%d %H:%M:%S}"

    @classmethod
    def beat(cls, *, now: datetime | None = None) -> WorkerHeartbeat:
        beat, _ = cls.objects.update_or_create(
            hostname=socket.gethostname(), defaults={"seen_at": now or timezone.now()}
        )
        return beat

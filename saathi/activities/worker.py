"""Whether the background worker is there to read a person's uploads, for the upload page.

Uploads wait for the worker (`saathi serve` runs it beside the web server); when it is
not running they wait for ever, and the page should say so rather than show "Waiting"
without end. Its heartbeat (saathi.system) tells: a worker beats as it starts and every
minute after.
"""

from __future__ import annotations

import enum

from huey.contrib.djhuey import HUEY

from saathi.accounts.models import User
from saathi.activities.models import ImportJob, JobState
from saathi.system.models import WorkerHeartbeat


class WorkerNote(enum.Enum):
    NONE = ""  # the worker is running, or jobs run inline in the request
    IMPORTS_WAITING = "imports-waiting"  # not seen for a while, and this person's jobs wait
    NOT_RUNNING = "not-running"  # not seen for a while; nothing of theirs waits yet


def worker_note(owner: User) -> WorkerNote:
    """What the upload page should say about the worker to `owner`."""
    if HUEY.immediate or not WorkerHeartbeat.objects.worker_seems_stopped():
        return WorkerNote.NONE
    if ImportJob.objects.filter(owner=owner, state=JobState.WAITING).exists():
        return WorkerNote.IMPORTS_WAITING
    return WorkerNote.NOT_RUNNING

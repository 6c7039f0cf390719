"""What other parts do once a recording is imported, without the journal knowing them.

Same-outing detection (saathi/together/) must look at every new recording, but it sits
above the journal, which may not import it. So a part above registers a callback here
from its AppConfig.ready, and import_file announces each activity it saves: every
callback runs with the activity's id once the import's transaction has committed (never
for a rollback), in the importing process. A callback should only queue work for the
worker (a Huey task): the import is already done, and what it queues cannot undo it.

This is the one hook of its kind; domain effects of an import (records, milestones) stay
in import_file itself, where a reader sees them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from django.db import transaction

from saathi.activities.models import Activity

Callback = Callable[[int], object]

_callbacks: dict[str, Callback] = {}


def register(callback: Callback) -> None:
    """Run `callback(activity_id)` after every committed import (once per callback,
    however often ready() runs)."""
    _callbacks[f"{callback.__module__}.{callback.__qualname__}"] = callback


def announce(activity: Activity) -> None:
    """Called inside the import's transaction: the callbacks run after it commits."""
    for callback in _callbacks.values():
        transaction.on_commit(partial(callback, activity.pk))

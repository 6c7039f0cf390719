"""Stored files leave when their rows do, after the transaction commits, in the worker.

Every model field that stores a file (an activity's original, a person's photo, and
every file field added later) is covered without being named: when a row with a stored
file is deleted, however it was deleted (a model or queryset delete, a cascade, the
admin), its file names join one batch per transaction, and once the transaction commits
one background job removes them. A transaction that rolls back never sends its batch, so
its files stay where the rows that still exist expect them.

The job removes only names no row refers to any more, looked up after the commit: a
delete undone by a savepoint, or a row saved again with the same name, keeps its file.
On S3 a thousand keys go in one request (DeleteObjects); files are never removed
inside the request that deleted their rows, so a person with 10,000 originals on a
distant bucket deletes their account as fast as one with none.

Why not django-cleanup: it removes each file in the request's own commit phase, one
storage call per file (about 1.8 ms each on a local SeaweedFS, far more on a distant
bucket), and watches every instance from post_init to see replacements. A periodic
sweep of files no row references would need a grace period for uploads in flight and a
listing of the whole bucket each time. This is a post_delete receiver, a batch and a job.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.files.storage import Storage
from django.db import connections, models, transaction
from django.db.models.signals import post_delete
from huey.contrib.djhuey import db_task
from storages.utils import clean_name

# One removal job carries at most this many names: a pickled payload of a few hundred KB.
JOB_SIZE = 5000
# DeleteObjects takes at most 1,000 keys a request.
S3_BATCH = 1000

# (model label, field name, stored name)
Entry = tuple[str, str, str]


def file_fields() -> list[tuple[type[models.Model], models.FileField]]:
    """Every installed model's fields that store files (ImageField included)."""
    return [
        (model, f)
        for model in apps.get_models()
        for f in model._meta.concrete_fields
        if isinstance(f, models.FileField)
    ]


def watch() -> None:
    """Connect the receiver to every model with a file field (from SystemConfig.ready)."""
    by_model: dict[type[models.Model], list[str]] = defaultdict(list)
    for model, f in file_fields():
        by_model[model].append(f.name)
    for model, names in by_model.items():
        post_delete.connect(
            _Receiver(tuple(names)),
            sender=model,
            weak=False,
            dispatch_uid=f"saathi.system.files:{model._meta.label}",
        )


@dataclass(frozen=True)
class _Receiver:
    field_names: tuple[str, ...]

    def __call__(
        self, sender: type[models.Model], instance: models.Model, using: str, **_: Any
    ) -> None:
        for name in self.field_names:
            stored = getattr(instance, name).name
            if stored:
                remove_after_commit(sender, name, stored, using=using)


def remove_after_commit(
    model: type[models.Model], field_name: str, stored: str, *, using: str = "default"
) -> None:
    """Remove a stored file once the current transaction commits, unless a row still
    refers to it then: for a file replaced by a new one (a new photo), as for deletes."""
    entry = (model._meta.label, field_name, stored)
    connection = connections[using]
    if not connection.in_atomic_block:
        _send([entry])
        return
    _batch_for(using).entries.append(entry)


@dataclass
class _Batch:
    entries: list[Entry] = field(default_factory=list)
    sent: bool = False

    def send(self) -> None:
        self.sent = True
        _send(self.entries)


_local = threading.local()


def _batch_for(using: str) -> _Batch:
    """The batch of the transaction now open on `using`, made and hooked to its commit
    on first use. A batch whose transaction rolled back is no longer among the
    connection's commit hooks (Django drops them), so the next transaction starts anew."""
    batch: _Batch | None = getattr(_local, using, None)
    hooks = connections[using].run_on_commit
    # A sent batch is done even while its hook is still listed (a test's captured commit
    # runs the hooks without clearing them).
    if batch is None or batch.sent or not any(hook[1] == batch.send for hook in hooks):
        batch = _Batch()
        transaction.on_commit(batch.send, using=using)
        setattr(_local, using, batch)
    return batch


def _send(entries: list[Entry]) -> None:
    for start in range(0, len(entries), JOB_SIZE):
        remove_files(entries[start : start + JOB_SIZE])


@db_task()
def remove_files(entries: list[Entry]) -> int:
    """The worker's job: remove the files no row refers to; returns how many went."""
    removed = 0
    by_field: dict[tuple[str, str], set[str]] = defaultdict(set)
    for label, field_name, stored in entries:
        by_field[label, field_name].add(stored)
    for (label, field_name), names in by_field.items():
        model = apps.get_model(label)
        still_used = set(
            model._default_manager.filter(**{f"{field_name}__in": names}).values_list(
                field_name, flat=True
            )
        )
        storage = model._meta.get_field(field_name).storage
        removed += remove_from(storage, sorted(names - still_used))
    return removed


def remove_from(storage: Storage, names: Iterable[str]) -> int:
    """Remove stored files; a name already gone is not an error (a job run twice)."""
    names = list(names)
    bucket = getattr(storage, "bucket", None)
    if bucket is None:
        for name in names:
            storage.delete(name)
        return len(names)
    keys = [storage._normalize_name(clean_name(name)) for name in names]  # type: ignore[attr-defined]
    for start in range(0, len(keys), S3_BATCH):
        objects = [{"Key": key} for key in keys[start : start + S3_BATCH]]
        bucket.delete_objects(Delete={"Objects": objects, "Quiet": True})
    return len(keys)

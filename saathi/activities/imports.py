"""Getting files in: the one bridge between uploads and the track engine.

    receive_upload  store the original bytes, make a waiting job per activity file
    run_import      the worker's step: read one job's original into an activity
    import_file     the workflow itself: a whole activity, or nothing

The original is stored before anything reads it, and kept whatever happens next: a
file Saathi cannot read today may be readable after an update (ImportJob.retry).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import IO, TYPE_CHECKING

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from saathi.activities import after_import
from saathi.activities.models import Activity, ImportJob, JobState
from saathi.activities.summary import activity_from_track
from saathi.records.records import judge
from saathi.tracks.read import iter_archive, read_track
from saathi.tracks.track import TrackError

if TYPE_CHECKING:
    from saathi.accounts.models import User

logger = logging.getLogger(__name__)

ZIP_MAGIC = b"PK\x03\x04"
# Decompressed bytes one upload may unpack to (gzip and ZIP bombs stop here): the
# largest real recordings are some 100 MB of GPX.
MAX_UNPACKED_BYTES = 1 << 30
# What a failure says when the fault is Saathi's own, not the file's.
INTERNAL_ERROR = (
    "Saathi failed while importing this file ({kind}); the error is in the server's log. "
    "The file is kept: retry once Saathi has been updated."
)


@dataclass
class Upload:
    """The bytes of one activity file and the name it came with."""

    name: str
    data: bytes
    sha256: str = field(default="")
    # Why it failed before any job could read it (an archive that cannot be opened).
    refused: str = ""

    def __post_init__(self) -> None:
        if not self.sha256:
            self.sha256 = hashlib.sha256(self.data).hexdigest()


class Duplicate(Exception):
    """The owner already has an activity made from exactly these bytes."""

    def __init__(self, existing: Activity):
        super().__init__(f"already imported as activity {existing.pk}")
        self.existing = existing


def receive_upload(
    *,
    owner: User,
    name: str,
    data: bytes | None = None,
    file: IO[bytes] | None = None,
) -> list[ImportJob]:
    """Store what was uploaded as a waiting job per activity file in it (tasks.queue_upload
    queues them for the worker; import_inline reads them at once).

    A ZIP (a Strava export, a folder zipped) gives one job per activity file inside
    it; a ZIP that cannot be listed gives one failed job holding the ZIP itself.
    """
    if data is None:
        if file is None:
            raise ValueError("receive_upload needs data or file")
        data = file.read()
    uploads = _unpack_archive(name, data) if data.startswith(ZIP_MAGIC) else [Upload(name, data)]
    with transaction.atomic():
        return [_store(owner, upload) for upload in uploads]


def _unpack_archive(name: str, data: bytes) -> list[Upload]:
    """The activity files inside a ZIP, or one failed upload saying why there are none."""
    try:
        members = list(iter_archive(data, max_bytes=MAX_UNPACKED_BYTES))
    except TrackError as error:
        return [Upload(name, data, refused=error.message)]
    if not members:
        return [Upload(name, data, refused="This ZIP file holds no FIT, GPX or TCX files.")]
    stem = PurePosixPath(name).name
    return [Upload(f"{stem}/{member}", member_data) for member, member_data in members]


def _store(owner: User, upload: Upload) -> ImportJob:
    job = ImportJob(
        owner=owner,
        original_name=upload.name[:255],
        size=len(upload.data),
        sha256=upload.sha256,
    )
    if upload.refused:
        job.state, job.error, job.finished = JobState.FAILED, upload.refused, timezone.now()
    # The stored name keeps only the file's own name: a member path or a browser's
    # "C:\fakepath\" must not become folders.
    filename = PurePosixPath(upload.name.replace("\\", "/")).name or "activity"
    job.original.save(filename[-80:], ContentFile(upload.data), save=False)
    job.save()
    return job


def run_import(job: ImportJob) -> ImportJob:
    """Read a waiting job's original into an activity: done, duplicate or failed."""
    if not _claim(job):
        job.refresh_from_db()
        return job

    def done(activity: Activity) -> None:
        _finish(job, JobState.DONE, activity=activity, warnings=activity.warnings)

    try:
        upload = Upload(job.original_name, job.read_original(), job.sha256)
        import_file(owner=job.owner, upload=upload, then=done)
    except Duplicate as duplicate:
        _finish(job, JobState.DUPLICATE, duplicate_of=duplicate.existing)
    except TrackError as error:
        _finish(job, JobState.FAILED, error=error.message)
    except Exception as error:
        logger.exception("import job %s (%s) failed", job.pk, job.original_name)
        _finish(job, JobState.FAILED, error=INTERNAL_ERROR.format(kind=type(error).__name__))
    return job


def _claim(job: ImportJob) -> bool:
    """Move a waiting job to reading; False when another worker already has it."""
    with transaction.atomic():
        claimed = ImportJob.objects.filter(pk=job.pk, state=JobState.WAITING).update(
            state=JobState.READING, started=timezone.now()
        )
    if claimed:
        job.state = JobState.READING
    return bool(claimed)


def _finish(
    job: ImportJob,
    state: JobState,
    *,
    error: str = "",
    warnings: list[str] | None = None,
    activity: Activity | None = None,
    duplicate_of: Activity | None = None,
) -> None:
    job.state, job.error, job.warnings = state, error, warnings or []
    job.activity, job.duplicate_of, job.finished = activity, duplicate_of, timezone.now()
    job.save(update_fields=["state", "error", "warnings", "activity", "duplicate_of", "finished"])


def import_file(
    *, owner: User, upload: Upload, then: Callable[[Activity], None] | None = None
) -> Activity:
    """Read one activity file into a saved Activity with its streams, or raise.

    Raises Duplicate when the owner already has these bytes, TrackError when the
    file cannot be read. Reading and computing happen before the transaction, so the
    database is held only for the inserts; `then` runs inside it (the job marked done
    with the activity it made, or neither), and the parts registered in after_import.py
    hear of the activity once it commits.
    """
    existing = Activity.objects.filter(owner=owner, sha256=upload.sha256).first()
    if existing is not None:
        raise Duplicate(existing)
    track = read_track(upload.data, name=upload.name, max_bytes=MAX_UNPACKED_BYTES)
    activity, streams = activity_from_track(owner=owner, track=track, sha256=upload.sha256)
    try:
        with transaction.atomic():
            activity.save()
            streams.activity = activity
            streams.save()
            judge(activity)
            if then is not None:
                then(activity)
            after_import.announce(activity)
    except IntegrityError:
        # Another worker imported the same bytes between our check and our insert.
        existing = Activity.objects.filter(owner=owner, sha256=upload.sha256).first()
        if existing is None:
            raise
        raise Duplicate(existing) from None
    return activity


def import_inline(*, owner: User, name: str, data: bytes) -> list[ImportJob]:
    """Store and import at once, without the worker: for `saathi import` and the demo."""
    jobs = receive_upload(owner=owner, name=name, data=data)
    return [run_import(job) if job.state == JobState.WAITING else job for job in jobs]

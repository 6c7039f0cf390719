"""Deleting an activity removes its stored original(s), once the deletion commits."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

from django.core.files.storage import default_storage
from django.db import transaction

from saathi.accounts.models import User
from saathi.activities.imports import import_inline
from saathi.activities.models import Activity, ActivityStreams, ImportJob
from tests.paths import TESTDATA

OnCommit = Callable[..., AbstractContextManager[object]]
RUN = TESTDATA / "gpx" / "run_gpxtpx.gpx"


def test_deleting_an_activity_deletes_its_originals_and_streams(
    owner: User, django_capture_on_commit_callbacks: OnCommit
) -> None:
    (job,) = import_inline(owner=owner, name=RUN.name, data=RUN.read_bytes())
    (duplicate,) = import_inline(owner=owner, name="again.gpx", data=RUN.read_bytes())
    names = [job.original.name, duplicate.original.name]
    assert all(default_storage.exists(name) for name in names)
    assert job.activity is not None

    with django_capture_on_commit_callbacks(execute=True):
        job.activity.delete()

    assert not any(default_storage.exists(name) for name in names)
    assert not Activity.objects.exists()
    assert not ActivityStreams.objects.exists()
    assert not ImportJob.objects.exists()


def test_a_rolled_back_delete_keeps_the_original(
    owner: User, django_capture_on_commit_callbacks: OnCommit
) -> None:
    (job,) = import_inline(owner=owner, name=RUN.name, data=RUN.read_bytes())
    assert job.activity is not None

    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                job.activity.delete()
                raise RuntimeError("the page crashed after deleting")
        except RuntimeError:
            pass

    assert default_storage.exists(job.original.name)
    assert Activity.objects.count() == 1


def test_another_persons_files_stay(
    owner: User, stranger: User, django_capture_on_commit_callbacks: OnCommit
) -> None:
    (hers,) = import_inline(owner=owner, name=RUN.name, data=RUN.read_bytes())
    (his,) = import_inline(owner=stranger, name=RUN.name, data=RUN.read_bytes())
    assert hers.activity is not None

    with django_capture_on_commit_callbacks(execute=True):
        hers.activity.delete()

    assert default_storage.exists(his.original.name)
    assert his.original.name != hers.original.name

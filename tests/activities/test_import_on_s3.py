"""Originals on S3 (SAATHI_S3_*): stored before reading, read back for the import, and
removed with the activity; against the real SeaweedFS the test run starts."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest

from saathi.accounts.models import User
from saathi.activities.exports import original_file
from saathi.activities.imports import import_inline
from saathi.activities.models import JobState
from tests.paths import TESTDATA
from tests.services import S3Media, S3Server

pytestmark = pytest.mark.s3


def test_an_import_keeps_its_original_in_the_bucket_until_the_activity_is_deleted(
    owner: User,
    s3_server: S3Server,
    s3_media: S3Media,
    django_capture_on_commit_callbacks: Callable[..., AbstractContextManager[object]],
) -> None:
    bucket, client = s3_media.bucket, s3_media.client
    path = TESTDATA / "fit" / "4078723797.fit"

    (job,) = import_inline(owner=owner, name=path.name, data=path.read_bytes())

    assert job.state == JobState.DONE, job.error
    key = job.original.name
    assert key.startswith(f"originals/{owner.pk}/")
    assert client.get_object(Bucket=bucket, Key=key)["Body"].read() == path.read_bytes()
    assert job.activity is not None
    original = original_file(job.activity)
    assert original is not None
    assert original.original.url.startswith(f"{s3_server.endpoint_url}/{bucket}/{key}?")

    with django_capture_on_commit_callbacks(execute=True):
        job.activity.delete()

    assert client.list_objects_v2(Bucket=bucket).get("KeyCount", 0) == 0

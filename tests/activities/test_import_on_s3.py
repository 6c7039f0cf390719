"""Originals on S3 (SAATHI_S3_*): stored before reading, read back for the import, and
removed with the activity; against the real SeaweedFS the test run starts."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from pytest_django.fixtures import Settings

from saathi.accounts.models import User
from saathi.activities.exports import original_file
from saathi.activities.imports import import_inline
from saathi.activities.models import JobState
from tests.config.conftest import load_settings  # noqa: F401  (the fixture)
from tests.conftest import TESTDATA
from tests.services import S3Server, s3_client

pytestmark = pytest.mark.s3


def test_an_import_keeps_its_original_in_the_bucket_until_the_activity_is_deleted(
    owner: User,
    s3_server: S3Server,
    settings: Settings,
    load_settings: Callable[..., dict[str, Any]],  # noqa: F811
    django_capture_on_commit_callbacks: Callable[..., AbstractContextManager[object]],
) -> None:
    bucket = f"saathi-{secrets.token_hex(4)}"
    client = s3_client(s3_server)
    client.create_bucket(Bucket=bucket)
    settings.STORAGES = load_settings(
        SAATHI_S3_BUCKET=bucket,
        SAATHI_S3_ENDPOINT_URL=s3_server.endpoint_url,
        SAATHI_S3_ACCESS_KEY_ID=s3_server.access_key,
        SAATHI_S3_SECRET_ACCESS_KEY=s3_server.secret_key,
        SAATHI_S3_REGION=s3_server.region,
    )["STORAGES"]
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

"""Media on an S3-compatible server (SAATHI_S3_*): a real SeaweedFS, not a mock."""

from __future__ import annotations

import secrets
import urllib.error
import urllib.request
from collections.abc import Callable
from posixpath import basename
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from pytest_django.fixtures import Settings

from tests.services import S3Server, s3_client

pytestmark = pytest.mark.s3


def test_a_file_saved_through_the_settings_is_stored_in_s3_and_read_back(
    s3_server: S3Server, settings: Settings, load_settings: Callable[..., dict[str, Any]]
) -> None:
    bucket = f"saathi-{secrets.token_hex(4)}"
    client = s3_client(s3_server)
    client.create_bucket(Bucket=bucket)
    # The STORAGES that settings.py builds from the environment, used as they are.
    settings.STORAGES = load_settings(
        SAATHI_S3_BUCKET=bucket,
        SAATHI_S3_ENDPOINT_URL=s3_server.endpoint_url,
        SAATHI_S3_ACCESS_KEY_ID=s3_server.access_key,
        SAATHI_S3_SECRET_ACCESS_KEY=s3_server.secret_key,
        SAATHI_S3_REGION=s3_server.region,
    )["STORAGES"]
    content = "Baramulla → Uri, 65 km\n".encode() + secrets.token_bytes(64)

    name = default_storage.save("photos/ride.bin", ContentFile(content))

    assert name == "photos/ride.bin"
    stored = client.get_object(Bucket=bucket, Key=name)["Body"].read()
    assert stored == content
    with default_storage.open(name) as handle:
        assert handle.read() == content
    assert default_storage.size(name) == len(content)
    assert default_storage.listdir("photos") == ([], ["ride.bin"])
    # A second upload under the same name keeps the first (file_overwrite is off).
    second = default_storage.save("photos/ride.bin", ContentFile(b"another"))
    assert second != name
    assert sorted(default_storage.listdir("photos")[1]) == sorted(["ride.bin", basename(second)])

    default_storage.delete(name)
    default_storage.delete(second)
    assert not default_storage.exists(name)
    assert default_storage.listdir("photos") == ([], [])


def test_a_private_file_is_fetched_through_a_presigned_url_and_not_without_one(
    s3_server: S3Server, settings: Settings, load_settings: Callable[..., dict[str, Any]]
) -> None:
    bucket = f"saathi-{secrets.token_hex(4)}"
    s3_client(s3_server).create_bucket(Bucket=bucket)
    settings.STORAGES = load_settings(
        SAATHI_S3_BUCKET=bucket,
        SAATHI_S3_ENDPOINT_URL=s3_server.endpoint_url,
        SAATHI_S3_ACCESS_KEY_ID=s3_server.access_key,
        SAATHI_S3_SECRET_ACCESS_KEY=s3_server.secret_key,
    )["STORAGES"]
    name = default_storage.save("avatars/her.txt", ContentFile(b"only for those she lets see"))

    url = default_storage.url(name)

    assert url.startswith(f"{s3_server.endpoint_url}/{bucket}/avatars/her.txt?")
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.read() == b"only for those she lets see"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(url.split("?")[0], timeout=10)
    assert refused.value.code == 403

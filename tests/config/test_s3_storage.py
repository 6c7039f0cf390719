"""Media on an S3-compatible server (SAATHI_S3_*): a real SeaweedFS, not a mock."""

from __future__ import annotations

import secrets
import urllib.error
import urllib.request
from posixpath import basename

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.services import S3Media, S3Server

pytestmark = pytest.mark.s3


def test_a_file_saved_through_the_settings_is_stored_in_s3_and_read_back(
    s3_media: S3Media,
) -> None:
    bucket, client = s3_media.bucket, s3_media.client
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
    s3_server: S3Server, s3_media: S3Media
) -> None:
    bucket = s3_media.bucket
    name = default_storage.save("avatars/her.txt", ContentFile(b"only for those she lets see"))

    url = default_storage.url(name)

    assert url.startswith(f"{s3_server.endpoint_url}/{bucket}/avatars/her.txt?")
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.read() == b"only for those she lets see"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(url.split("?")[0], timeout=10)
    assert refused.value.code == 403

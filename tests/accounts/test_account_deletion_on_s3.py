"""With media on S3 (SAATHI_S3_*), deleting an account empties the bucket of that
person's originals and photo, and only theirs; against the real SeaweedFS."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest

from saathi.accounts.deletion import delete_account
from saathi.accounts.models import User
from tests.accounts.belongings import give_everything, rows_of
from tests.services import S3Media

pytestmark = pytest.mark.s3

OnCommit = Callable[..., AbstractContextManager[object]]


def keys(s3_media: S3Media) -> set[str]:
    listing = s3_media.client.list_objects_v2(Bucket=s3_media.bucket)
    return {entry["Key"] for entry in listing.get("Contents", [])}


def test_deleting_an_account_removes_its_files_from_the_bucket(
    owner: User,
    stranger: User,
    s3_media: S3Media,
    django_capture_on_commit_callbacks: OnCommit,
) -> None:
    hers = give_everything(owner)
    his = give_everything(stranger)
    assert keys(s3_media) == set(hers.all) | set(his.all)

    with django_capture_on_commit_callbacks(execute=True):
        delete_account(user=owner)

    assert keys(s3_media) == set(his.all)
    assert set(rows_of(owner).values()) == {0}

"""A failure half-way through deleting an account leaves it whole: rows and files."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.db.models.signals import post_delete
from django.test import Client

from saathi.accounts.deletion import delete_account
from saathi.accounts.models import User
from tests.accounts.belongings import give_everything, rows_of
from tests.people import PASSWORD

OnCommit = Callable[..., AbstractContextManager[object]]


@contextmanager
def a_crash_once_every_row_went() -> Iterator[None]:
    """The person's own row goes last in the cascade: by then their activities, uploads,
    records and goals are deleted, and the transaction is still open."""

    def crash(**_: Any) -> None:
        raise RuntimeError("the database went away after the activities were deleted")

    post_delete.connect(crash, sender=User, dispatch_uid="test-crash")
    try:
        yield
    finally:
        post_delete.disconnect(sender=User, dispatch_uid="test-crash")


def test_a_crash_after_the_activities_went_leaves_every_row_and_file(
    owner: User, django_capture_on_commit_callbacks: OnCommit
) -> None:
    stored = give_everything(owner)
    before = rows_of(owner)

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        a_crash_once_every_row_went(),
        pytest.raises(RuntimeError),
    ):
        delete_account(user=owner)

    assert callbacks == []  # no file removal was left waiting for a commit
    assert rows_of(owner) == before
    assert all(default_storage.exists(name) for name in stored.all)


def test_the_page_keeps_the_person_signed_in_when_the_delete_fails(
    owner: User, owner_client: Client, django_capture_on_commit_callbacks: OnCommit
) -> None:
    stored = give_everything(owner)
    before = rows_of(owner)
    owner_client.raise_request_exception = False

    with (
        django_capture_on_commit_callbacks(execute=True),
        a_crash_once_every_row_went(),
    ):
        response = owner_client.post("/settings/delete/", {"password": PASSWORD})

    assert response.status_code == 500
    assert rows_of(owner) == before
    assert all(default_storage.exists(name) for name in stored.all)
    assert owner_client.session["_auth_user_id"] == str(owner.pk)

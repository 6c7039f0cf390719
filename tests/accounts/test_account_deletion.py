"""Deleting an account removes the person, every row of theirs and every stored file."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

from django.core.files.storage import default_storage

from saathi.accounts.deletion import delete_account
from saathi.accounts.models import User
from saathi.pages.account_deletion import belongings
from tests.accounts.belongings import give_everything, rows_of

OnCommit = Callable[..., AbstractContextManager[object]]


def test_it_removes_the_person_their_rows_and_their_files(
    owner: User, django_capture_on_commit_callbacks: OnCommit
) -> None:
    stored = give_everything(owner)
    before = rows_of(owner)
    assert all(before.values()), before
    assert all(default_storage.exists(name) for name in stored.all)

    with django_capture_on_commit_callbacks(execute=True):
        total, per_model = delete_account(user=owner)

    assert set(rows_of(owner).values()) == {0}
    assert [name for name in stored.all if default_storage.exists(name)] == []
    assert per_model["activities.Activity"] == before["activities"]
    assert per_model["activities.ImportJob"] == before["jobs"]
    assert total == sum(per_model.values())


def test_it_leaves_another_persons_rows_and_files_alone(
    owner: User, stranger: User, django_capture_on_commit_callbacks: OnCommit
) -> None:
    give_everything(owner)
    theirs = give_everything(stranger)
    their_rows = rows_of(stranger)

    with django_capture_on_commit_callbacks(execute=True):
        delete_account(user=owner)

    assert rows_of(stranger) == their_rows
    assert all(default_storage.exists(name) for name in theirs.all)


def test_it_counts_what_will_go(owner: User) -> None:
    give_everything(owner)

    counted = belongings(owner)

    assert counted.activities == 2
    assert counted.originals == 4  # two imports, a duplicate and a failed upload
    assert counted.goals == 1
    assert counted.has_photo
    assert 0 < counted.records <= rows_of(owner)["records"]
    assert counted.badges == rows_of(owner)["badges"] > 0

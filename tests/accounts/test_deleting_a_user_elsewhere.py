"""User.delete (a shell) and the admin, one user or several, take the files along too."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest
from django.core.files.storage import default_storage
from django.test import Client

from saathi.accounts.models import User
from tests.accounts.belongings import give_everything, rows_of

pytestmark = pytest.mark.django_db

OnCommit = Callable[..., AbstractContextManager[object]]


@pytest.fixture
def admin_client(make_user: Callable[..., User]) -> Client:
    client = Client()
    client.force_login(make_user("boss", is_staff=True, is_superuser=True))
    return client


def gone(user: User, stored: list[str]) -> bool:
    return set(rows_of(user).values()) == {0} and not any(map(default_storage.exists, stored))


def test_user_delete_in_a_shell_removes_the_files(
    owner: User, django_capture_on_commit_callbacks: OnCommit
) -> None:
    stored = give_everything(owner)

    with django_capture_on_commit_callbacks(execute=True):
        total, per_model = User.objects.get(handle=owner.handle).delete()

    assert gone(owner, stored.all)
    assert per_model["accounts.User"] == 1
    assert total >= 1 + 2 + 4 + 1  # the user, activities, uploads, goal


def test_the_admins_delete_page_removes_the_files(
    owner: User, admin_client: Client, django_capture_on_commit_callbacks: OnCommit
) -> None:
    stored = give_everything(owner)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/accounts/user/{owner.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert gone(owner, stored.all)


def test_the_admins_bulk_delete_removes_each_persons_files(
    owner: User,
    stranger: User,
    make_user: Callable[..., User],
    admin_client: Client,
    django_capture_on_commit_callbacks: OnCommit,
) -> None:
    hers, his = give_everything(owner), give_everything(stranger)
    bystander = make_user("meera")
    theirs = give_everything(bystander)
    kept = rows_of(bystander)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/accounts/user/",
            {
                "action": "delete_selected",
                "_selected_action": [owner.pk, stranger.pk],
                "post": "yes",
            },
        )

    assert response.status_code == 302
    assert gone(owner, hers.all)
    assert gone(stranger, his.all)
    assert rows_of(bystander) == kept
    assert all(default_storage.exists(name) for name in theirs.all)

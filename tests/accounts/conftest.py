"""People for the account tests: an owner and a stranger, made once per test."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.test import Client
from pytest_django.fixtures import Settings

from saathi.accounts.models import User

PASSWORD = "correct horse battery staple"


class QuickArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2 still, with the memory and time cost of a test rather than of a server."""

    time_cost = 1
    memory_cost = 1024
    parallelism = 1


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings: Settings) -> None:
    settings.PASSWORD_HASHERS = ["tests.accounts.conftest.QuickArgon2PasswordHasher"]


@pytest.fixture
def make_user(db: None) -> Callable[..., User]:
    def make(handle: str, **fields: Any) -> User:
        fields.setdefault("email", f"{handle}@example.org")
        return User.objects.create_user(handle, password=PASSWORD, **fields)

    return make


@pytest.fixture
def owner(make_user: Callable[..., User]) -> User:
    return make_user(
        "asha",
        display_name="Asha Rao",
        sex="female",
        birth_year=1988,
        resting_hr=48,
        max_hr=187,
        time_zone="Asia/Kolkata",
    )


@pytest.fixture
def stranger(make_user: Callable[..., User]) -> User:
    return make_user("vikram", display_name="Vikram Singh")


@pytest.fixture
def owner_client(client: Client, owner: User) -> Client:
    client.force_login(owner)
    return client


@pytest.fixture
def stranger_client(stranger: User) -> Client:
    other = Client()
    other.force_login(stranger)
    return other

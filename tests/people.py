"""The people of every app's tests: the owner, a partner, a follower, a stranger and an
anonymous visitor, each made the same way wherever a test needs them.

tests/conftest.py turns these into fixtures (`owner`, `partner`, `follower`, `stranger`,
`anonymous`, and `owner_client`, `stranger_client` for their browsers); a test takes the
people it needs and gets them fresh, in its own transaction. Everyone has the same password,
PASSWORD, so that any of them can log in through a form.

Partners and followers do not exist yet as relationships: `partner()` and `follower()` are
people of their own (handles "partner" and "follower") whom nothing links to the owner, so
today each sees what a stranger sees. The issues that add following and partners make the
link here, in these two functions, and every test that takes the fixtures gets it.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.hashers import Argon2PasswordHasher
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from saathi.accounts.models import User

PASSWORD = "correct horse battery staple"
# The fixtures set this for every test: tests/conftest.py, _quick_password_hashing.
QUICK_HASHERS = ["tests.people.QuickArgon2PasswordHasher"]


class QuickArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2 still, with the memory and time cost of a test rather than of a server."""

    time_cost = 1
    memory_cost = 1024
    parallelism = 1


def person(handle: str, **fields: Any) -> User:
    """A person who signed up as `handle`, with PASSWORD and an address of their own."""
    fields.setdefault("email", f"{handle}@example.org")
    return User.objects.create_user(handle, password=PASSWORD, **fields)


def owner() -> User:
    """Asha, whose things the tests look at: every private figure of a profile is filled in."""
    return person(
        "asha",
        display_name="Asha Rao",
        sex="female",
        birth_year=1988,
        resting_hr=48,
        max_hr=187,
        time_zone="Asia/Kolkata",
    )


def partner() -> User:
    """The person Asha will train with; not linked to her yet (see the docstring above)."""
    return person("partner", display_name="Priya Nair", time_zone="Asia/Kolkata")


def follower() -> User:
    """The person who will follow Asha; not linked to her yet (see the docstring above)."""
    return person("follower", display_name="Farid Khan", time_zone="Asia/Kolkata")


def stranger() -> User:
    """Vikram, signed in and unrelated to Asha, in another time zone than hers."""
    return person("vikram", display_name="Vikram Singh", time_zone="Europe/London")


def anonymous() -> AnonymousUser:
    """A visitor who has not signed in."""
    return AnonymousUser()


def browser_of(someone: User | AnonymousUser | None) -> Client:
    """A browser of their own, signed in as `someone` (not signed in for a visitor)."""
    client = Client()
    if someone is not None and someone.is_authenticated:
        client.force_login(someone)
    return client

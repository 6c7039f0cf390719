"""The people of every app's tests: the owner, a partner, a follower, a stranger and an
anonymous visitor, each made the same way wherever a test needs them.

tests/conftest.py turns these into fixtures (`owner`, `partner`, `follower`, `stranger`,
`anonymous`, and `owner_client`, `stranger_client` for their browsers); a test takes the
people it needs and gets them fresh, in its own transaction. Everyone has the same password,
PASSWORD, so that any of them can log in through a form.

Each relationship is made here, once: `partner(of=asha)` is her accepted training partner,
`follower(of=asha)` her approved follower, `awaiting(of=asha)` someone whose follow request
she has not answered, `blocked(by=asha)` someone she blocked. The rows are written directly
(not through saathi/people/relations.py) so that what a test sees is exactly this state.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.hashers import Argon2PasswordHasher
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.utils.timezone import now

from saathi.accounts.models import User
from saathi.people.models import Block, Follow, Partnership

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


def partner(of: User) -> User:
    """Priya, Asha's training partner: she asked, Asha accepted."""
    priya = person("partner", display_name="Priya Nair", time_zone="Asia/Kolkata")
    Partnership.objects.create(asker=priya, answerer=of, accepted=True, accepted_at=now())
    return priya


def follower(of: User) -> User:
    """Farid, who follows Asha; she approved his request."""
    farid = person("follower", display_name="Farid Khan", time_zone="Asia/Kolkata")
    Follow.objects.create(follower=farid, followed=of, accepted=True, accepted_at=now())
    return farid


def awaiting(of: User) -> User:
    """Kiran, who asked to follow Asha; she has not answered yet."""
    kiran = person("awaiting", display_name="Kiran Das", time_zone="Asia/Kolkata")
    Follow.objects.create(follower=kiran, followed=of, accepted=False)
    return kiran


def blocked(by: User) -> User:
    """Bela, whom Asha blocked (after Bela had followed her: the block ended it)."""
    bela = person("blocked", display_name="Bela Roy", time_zone="Asia/Kolkata")
    Block.objects.create(blocker=by, blocked=bela)
    return bela


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

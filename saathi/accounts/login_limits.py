"""Failed-login counting, per account and per client address; password-reset requests too.

Counts live in Django's cache, which settings make shared between every app-server
process (Redis, or files under the data dir), so a guesser cannot spread attempts over
gunicorn workers. Each count is a fixed window that starts at the first failure.

A count is read and written back rather than incremented in place, because only Redis
keeps a key's expiry through an increment; so guesses sent in parallel can overshoot the
limit by the number in flight at once. They cannot reset it.
"""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from saathi.accounts.handles import normalise_handle


@dataclass(frozen=True)
class Lockout:
    seconds_left: int
    what: str = "failed attempts"

    @property
    def minutes_left(self) -> int:
        return max(1, math.ceil(self.seconds_left / 60))

    @property
    def message(self) -> str:
        unit = "minute" if self.minutes_left == 1 else "minutes"
        return f"Too many {self.what}; try again in {self.minutes_left} {unit}."


def client_address(request: HttpRequest) -> str:
    """The address of the person, not of a proxy in front of us.

    Each trusted proxy appends the address it saw to X-Forwarded-For, so the entry
    SAATHI_PROXY_HOPS from the right is the last one no client could have forged.
    """
    hops: int = settings.SAATHI_PROXY_HOPS
    if hops:
        header = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
        forwarded = [address.strip() for address in header.split(",") if address.strip()]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return str(request.META.get("REMOTE_ADDR", ""))


def _keys(identifier: str, address: str, kind: str) -> list[str]:
    # Hashed so that any string a visitor types makes a valid cache key.
    who = hashlib.sha256(normalise_handle(identifier).encode()).hexdigest()
    where = hashlib.sha256(address.encode()).hexdigest()
    return [f"{kind}-fail:id:{who}", f"{kind}-fail:ip:{where}"]


def lockout(identifier: str, address: str, kind: str = "login") -> Lockout | None:
    """The lockout in force for this account or address, if either has used its attempts."""
    limit: int = settings.SAATHI_LOGIN_ATTEMPTS
    now = time.time()
    longest = 0.0
    for key in _keys(identifier, address, kind):
        entry = cache.get(key)
        if entry and entry[0] >= limit:
            longest = max(longest, entry[1] - now)
    if longest <= 0:
        return None
    what = "failed attempts" if kind == "login" else "requests"
    return Lockout(seconds_left=math.ceil(longest), what=what)


def record_failure(identifier: str, address: str, kind: str = "login") -> None:
    """Count one failed login, or (kind="reset") one password-reset email asked for."""
    window: int = settings.SAATHI_LOGIN_WINDOW_S
    now = time.time()
    for key in _keys(identifier, address, kind):
        count, ends = cache.get(key) or (0, now + window)
        if ends <= now:
            count, ends = 0, now + window
        cache.set(key, (count + 1, ends), timeout=math.ceil(ends - now))


def forget_failures(identifier: str) -> None:
    """A correct password clears the account's count; the address keeps its own."""
    cache.delete(_keys(identifier, "", "login")[0])

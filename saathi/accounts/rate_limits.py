"""How often one person may do a thing that others receive: comment, react, follow, report.

A fixed window per person and action, counted in Django's cache as the failed logins are
(login_limits.py: shared between every app-server process, and read then written back,
so requests sent at once can overshoot by the number in flight). Limits are generous
for a person and tight for a script: a rate that no one training with friends reaches.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from django.core.cache import cache

from saathi.accounts.login_limits import Lockout
from saathi.accounts.models import User


@dataclass(frozen=True)
class Limit:
    action: str  # what the message calls it: "comments", "reactions"
    times: int
    per_s: int


COMMENTS = Limit("comments", times=30, per_s=600)
REACTIONS = Limit("reactions", times=120, per_s=600)
FOLLOWS = Limit("follow requests", times=60, per_s=3600)
REPORTS = Limit("reports", times=10, per_s=3600)


def _key(person: User, limit: Limit) -> str:
    # No spaces: memcached, and Django's warning about keys it would refuse.
    return f"rate:{limit.action.replace(' ', '-')}:{person.pk}"


def spend(person: User, limit: Limit) -> Lockout | None:
    """Count one more, or the lockout when the window's allowance is used up (and then
    nothing is counted: waiting ends it)."""
    now = time.time()
    key = _key(person, limit)
    count, ends = cache.get(key) or (0, now + limit.per_s)
    if ends <= now:
        count, ends = 0, now + limit.per_s
    if count >= limit.times:
        return Lockout(seconds_left=math.ceil(ends - now), what=limit.action)
    cache.set(key, (count + 1, ends), timeout=math.ceil(ends - now))
    return None

"""The stats page costs the same few queries whatever the size of the history: every
total is grouped by the database, and all goals are summed in one query."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from saathi.accounts.models import User
from saathi.progress.models import Goal
from tests.people import browser_of
from tests.progress.entries import entry

pytestmark = pytest.mark.django_db

SPORTS = ("ride", "run", "yoga", "walk")


def _queries(owner: User, activities: int, url: str) -> int:
    start = datetime(2026, 1, 1, 7)
    for n in range(activities):
        sport = SPORTS[n % len(SPORTS)]
        figures = {} if sport == "yoga" else {"distance_m": 5_000.0 + n}
        when = start - timedelta(days=3 * n)
        entry(owner, when, sport=sport, minutes=40, **figures)
    client = browser_of(owner)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize("url", ["/stats/?year=2025", "/stats/?year=2025&sport=ride"])
def test_ten_times_the_history_costs_no_more_queries(owner: User, stranger: User, url: str) -> None:
    for user in (owner, stranger):
        Goal.objects.create(owner=user, period="year", measure="count", target=100)
        Goal.objects.create(owner=user, sport="run", period="week", measure="distance", target=1)
    small = _queries(owner, 20, url)
    large = _queries(stranger, 200, url)
    assert small == large
    assert large <= 11  # one of them the header's unread notifications

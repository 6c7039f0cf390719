"""Reaction, comment and mention notices are worded together, a query or two per kind of
subject for the whole page (what the reader is shown, with activities and authors), so
the notifications page, and the header's count on every page, cost the same for 2
notices or 22: never a query per notice, nor per reaction or comment on the activity."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from saathi.accounts.models import User
from saathi.conversations.comments import post_comment
from saathi.conversations.reactions import react
from tests.conversations.talk import hill_run
from tests.people import browser_of

pytestmark = pytest.mark.django_db


def _page_queries(owner: User, partner: User, runs: int) -> int:
    for n in range(runs):
        run = hill_run(owner, title=f"Run {runs}-{n}")
        react(activity=run, person=partner, kind="kudos")
        post_comment(activity=run, author=partner, body="Hi")
    browser = browser_of(owner)
    browser.get("/notifications/")
    with CaptureQueriesContext(connection) as queries:
        browser.get("/notifications/")
    return len(queries)


def test_ten_more_activities_cost_no_more_queries(owner: User, partner: User) -> None:
    one = _page_queries(owner, partner, 1)
    # The second call adds ten activities to the first one's: 22 notices, not 2.
    eleven = _page_queries(owner, partner, 10)
    assert eleven == one

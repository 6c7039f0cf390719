"""The profile, the followers list and the search read as many queries for one partner,
follower or activity as for fifty: every tie and count comes with the people it is about."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.timezone import now

from saathi.accounts.models import User
from saathi.activities.manual import create_manual_activity
from saathi.activities.models import Visibility
from saathi.people.models import Follow, Partnership
from tests.people import browser_of, person

pytestmark = pytest.mark.django_db


def _circle(owner: User, viewer: User, size: int) -> None:
    """`size` partners and followers of the owner (each also followed by the viewer, so
    every row has ties to read), and `size` activities the viewer may see."""
    start = owner.local_now().replace(tzinfo=None, hour=0, minute=0, second=1)
    for n in range(size):
        friend = person(f"friend{size}_{n}", display_name=f"Friend {n}")
        Partnership.objects.create(asker=friend, answerer=owner, accepted=True, accepted_at=now())
        Follow.objects.create(follower=friend, followed=owner, accepted=True, accepted_at=now())
        Follow.objects.create(follower=viewer, followed=friend, accepted=True, accepted_at=now())
        create_manual_activity(
            owner=owner,
            sport="run",
            start=start,
            duration_s=1800,
            distance_m=5000,
            visibility=Visibility.PUBLIC,
        )


PAGES = {
    "profile": "/people/asha/",
    "followers": "/people/asha/followers/",
    "following": "/people/vikram/following/",
    "search": "/people/?q=friend",
}


@pytest.mark.parametrize("page", PAGES)
def test_the_page_costs_the_same_for_1_or_50(
    owner: User,
    stranger: User,
    page: str,
    django_assert_num_queries: Callable[..., Any],
) -> None:
    browser = browser_of(stranger)
    _circle(owner, stranger, 1)
    with CaptureQueriesContext(connection) as one:
        assert browser.get(PAGES[page]).status_code == 200
    _circle(owner, stranger, 50)
    with django_assert_num_queries(len(one)):
        html = browser.get(PAGES[page]).content.decode()
    if page != "profile":
        assert html.count("Friend ") == 50

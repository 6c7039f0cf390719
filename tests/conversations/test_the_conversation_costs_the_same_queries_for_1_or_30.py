"""An activity's page reads as many queries for one comment, reaction and mention as for
thirty: authors, mentions and counts come with what they are about."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from saathi.accounts.models import User
from saathi.conversations.models import Comment, Mention, Reaction
from tests.conversations.talk import hill_run
from tests.people import browser_of

pytestmark = pytest.mark.django_db


def _queries(owner: User, viewer: User, make_user: Callable[..., User], size: int) -> int:
    run = hill_run(owner, title=f"Run {size}")
    for n in range(size):
        friend = make_user(f"friend{size}_{n}")
        Reaction.objects.create(activity=run, person=friend, kind="kudos")
        comment = Comment.objects.create(activity=run, author=friend, body=f"Go @{viewer.handle}")
        Mention.objects.create(activity=run, comment=comment, person=viewer)
    browser = browser_of(viewer)
    url = reverse("activities:detail", args=[run.pk])
    browser.get(url)  # sessions and content types, once
    with CaptureQueriesContext(connection) as queries:
        page = browser.get(url).content.decode()
    assert page.count('class="comment"') == size
    return len(queries)


def test_thirty_comments_cost_what_one_does(
    owner: User, stranger: User, make_user: Callable[..., User]
) -> None:
    assert _queries(owner, stranger, make_user, 1) == _queries(owner, stranger, make_user, 30)

"""The reactions bar of many activities (a feed's page) costs one query, whatever their
number, and counts only what the viewer is shown; the include renders it on its own."""

from __future__ import annotations

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from saathi.accounts.models import User
from saathi.conversations.models import Reaction
from saathi.conversations.reactions import bars_for
from saathi.people.models import Block
from tests.conversations.talk import hill_run

pytestmark = pytest.mark.django_db


def test_one_query_for_five_bars_each_with_its_own_counts(
    owner: User, partner: User, follower: User, stranger: User
) -> None:
    runs = [hill_run(owner, title=f"Run {n}") for n in range(5)]
    Reaction.objects.create(activity=runs[0], person=partner, kind="kudos")
    Reaction.objects.create(activity=runs[0], person=stranger, kind="kudos")
    Reaction.objects.create(activity=runs[3], person=follower, kind="clap")
    Block.objects.create(blocker=follower, blocked=stranger)
    with CaptureQueriesContext(connection) as queries:
        bars = bars_for(runs, follower)
    assert len(queries) == 1
    assert [bars[r.pk].total for r in runs] == [1, 0, 0, 1, 0]  # the stranger is not counted
    assert bars[runs[3].pk].mine == "clap" and bars[runs[0].pk].mine is None


def test_the_include_taps_replace_the_bar_and_return_to_next(owner: User, follower: User) -> None:
    run = hill_run(owner)
    bar = bars_for([run], follower)[run.pk]
    html = render_to_string("conversations/includes/reactions.html", {"bar": bar, "next": "/"})
    assert f'hx-target="#reactions-{run.pk}"' in html
    assert '<input type="hidden" name="next" value="/">' in html
    visitor = render_to_string(
        "conversations/includes/reactions.html", {"bar": bars_for([run], None)[run.pk]}
    )
    assert "<form" not in visitor

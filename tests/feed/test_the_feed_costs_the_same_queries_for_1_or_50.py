"""The feed page reads as many queries for one entry as for fifty, however many people,
reactions, comments, outings and routes they bring: counts and the route come with the
main query, and comments, badges, outings and privacy zones are read once per page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from saathi.accounts.models import User
from saathi.activities.models import Activity, Visibility
from saathi.conversations.models import Comment, Reaction, ReactionKind
from saathi.feed import page
from saathi.people.models import Follow
from saathi.people.zones import add_zone
from tests.feed.entries import entry_ids, feed_of, outing, run
from tests.people import browser_of, person
from tests.together.recordings import loop_run, recorded
from tests.tracks.outing_cases import DAY, LAT0, LON0, T0


def _crowd(viewer: User, size: int, *, own: bool = False) -> None:
    """`size` entries for `viewer`, each an outing of two people she follows, one with a
    route cut by a zone of its owner's, with reactions and comments from others; and, when
    `own`, as many runs of her own beside them."""
    for n in range(size):
        a = person(f"a{size}_{n}", display_name=f"Runner {n}")
        b = person(f"b{size}_{n}", display_name=f"Friend {n}")
        add_zone(owner=a, lat=LAT0, lon=LON0, radius_m=400)
        for someone in (a, b):
            Follow.objects.create(follower=viewer, followed=someone, accepted=True)
        mapped = recorded(
            a,
            loop_run(start=T0 - n * DAY, seed=n),
            visibility=Visibility.FOLLOWERS,
            map_visibility=Visibility.FOLLOWERS,
        )
        beside = run(b, at=mapped.start_time - timedelta(minutes=1))
        outing(mapped, beside)
        for other in (viewer, b):
            Reaction.objects.create(activity=mapped, person=other, kind=ReactionKind.KUDOS)
            Comment.objects.create(activity=mapped, author=other, body=f"Well run, {n}!")
        Comment.objects.create(activity=mapped, author=a, body="Thank you")
        if own:  # with its milestones (her own, as stored) and a word from a friend
            mine = run(viewer, at=mapped.start_time + timedelta(hours=2))
            Comment.objects.create(activity=mine, author=a, body="Nice one")


@pytest.mark.django_db
@pytest.mark.parametrize(("own", "few", "many"), [(False, 1, 50), (True, 1, 25)])
def test_the_feed_costs_the_same_for_1_or_50(
    owner: User, monkeypatch: pytest.MonkeyPatch, own: bool, few: int, many: int
) -> None:
    """1 entry or 50 (outings of others); 2 or 50 (as many of her own beside them)."""
    monkeypatch.setattr(page, "PAGE_SIZE", 100)
    viewer = owner
    _crowd(viewer, few, own=own)
    browser = browser_of(viewer)
    browser.get("/")  # the session and the like, read once
    # Nothing kept in the cache from before (judged histories, records/badges.py): the
    # most a page costs, for both.
    cache.clear()
    with CaptureQueriesContext(connection) as small:
        html = browser.get("/").content.decode()
    assert len(entry_ids(html)) == (2 if own else 1)
    assert "Thank you" in html and 'reaction-count">2<' in html and 'class="route-shape"' in html

    Follow.objects.filter(follower=viewer).delete()
    Activity.objects.filter(owner=viewer).delete()
    _crowd(viewer, many, own=own)
    cache.clear()
    with CaptureQueriesContext(connection) as large:
        html = browser.get("/").content.decode()
    assert len(entry_ids(html)) == 50
    assert html.count('class="route-shape"') == many
    assert html.count("3 comments") == many
    assert html.count("Nice one") == (many if own else 0)
    assert len(large) == len(small), "\n".join(q["sql"] for q in large.captured_queries)


@pytest.mark.django_db
def test_the_next_page_costs_the_same_as_the_first(
    owner: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(page, "PAGE_SIZE", 3)
    _crowd(owner, 7)
    browser = browser_of(owner)
    first = feed_of(owner)
    link = first[first.index('href="?before=') + 6 :].split('"')[0].replace("&amp;", "&")
    with CaptureQueriesContext(connection) as queries:
        partial = browser.get(f"/{link}", headers={"HX-Request": "true"}).content.decode()
    assert len(entry_ids(partial)) == 3
    # The session and the user, then the feed alone: no week, no goals.
    assert len(queries) <= 12, "\n".join(q["sql"] for q in queries.captured_queries)

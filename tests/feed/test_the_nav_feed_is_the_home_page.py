"""The nav's "Feed" links to the home page and is the current section there."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from tests.feed.entries import feed_of
from tests.people import browser_of

pytestmark = pytest.mark.django_db


def _feed_link(html: str) -> str:
    start = html.index('<nav class="main-nav"')
    nav = html[start : html.index("</nav>", start)]
    item = nav[: nav.index("<span>Feed</span>")]
    return item[item.rindex("<li>") :]


def test_feed_links_home_and_is_current_there(owner: User) -> None:
    link = _feed_link(feed_of(owner))
    assert '<a href="/" aria-current="page">' in link
    assert "soon" not in link


def test_elsewhere_feed_links_home_without_being_current(owner: User) -> None:
    html = browser_of(owner).get("/activities/").content.decode()
    link = _feed_link(html)
    assert '<a href="/">' in link and "aria-current" not in link

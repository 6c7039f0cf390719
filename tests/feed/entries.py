"""Activities and outings for the feed's tests, and the feed as a browser reads it."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from django.contrib.auth.models import AnonymousUser

from saathi.accounts.models import User
from saathi.activities.manual import create_manual_activity
from saathi.activities.models import Activity, Visibility
from saathi.together.models import Membership, Outing
from tests.people import browser_of

# A fixed morning in the past: every entry of a test is placed relative to it.
MORNING = datetime(2026, 11, 28, 6, 30)


def run(
    owner: User,
    *,
    minutes_after: float = 0,
    level: str = Visibility.FOLLOWERS,
    map_level: str | None = None,
    sport: str = "run",
    title: str = "",
    at: datetime | None = None,
) -> Activity:
    """A run by hand (no route), `minutes_after` MORNING in the owner's home time."""
    start = at or MORNING + timedelta(minutes=minutes_after)
    return create_manual_activity(
        owner=owner,
        sport=sport,
        start=start,
        duration_s=1800,
        distance_m=None if sport in {"yoga", "strength", "other"} else 5000,
        title=title or f"{owner.handle} {sport} {start:%H:%M:%S}",
        visibility=level,
        map_visibility=map_level or level,
    )


def outing(*activities: Activity) -> Outing:
    """These activities on one outing, as accepting a tag or a suggestion joins them."""
    together = Outing.objects.create()
    Membership.objects.bulk_create(Membership(outing=together, activity=a) for a in activities)
    return together


def feed_of(viewer: User | AnonymousUser, query: str = "", **headers: str) -> str:
    response = browser_of(viewer).get(f"/{query}", headers=headers)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def entry_ids(html: str) -> list[int]:
    """The activities the page shows as entries, in order."""
    return [int(pk) for pk in re.findall(r'id="entry-activity-(\d+)"', html)]


def next_link(html: str) -> str | None:
    """The "load more" link's query ("?before=..."), or None on the last page."""
    found = re.search(r'<a class="button button-quiet" href="(\?[^"]+)"', html)
    return found.group(1).replace("&amp;", "&") if found else None


def every_page(viewer: User, query: str = "", **headers: str) -> list[list[int]]:
    """The entries of each page, following "load more" to the end."""
    pages, html = [], feed_of(viewer, query, **headers)
    while True:
        pages.append(entry_ids(html))
        link = next_link(html)
        if link is None:
            return pages
        html = feed_of(viewer, link, **headers)
        assert len(pages) < 100, "the pages never end"

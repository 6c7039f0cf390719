"""No sample of a route's hidden ends reaches anyone but its owner: not on the activity
page (map, charts, the words under the map, any JSON), not in the GPX download, not in
the original file (hers alone), on no page of the site.

Asha's ride starts and ends at her home, which she hides with a privacy zone; the ride
and its map are public. Each other viewer fetches every URL the site routes, with the
ride's id wherever one goes (a blocked person and an anonymous visitor its own URLs,
answered 404 or a login), and every pair of numbers in every answer is looked up
against the hidden samples. The owner's page is checked the same way, to show that the
search finds them where they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from saathi.accounts.models import User
from saathi.activities.changes import edit_activity
from saathi.activities.models import Activity, Visibility
from saathi.people.zones import add_zone
from saathi.together.outings import join
from tests import people
from tests.activities.hidden_points import hidden_points_in, split_samples
from tests.activities.pages import RIDE, imported
from tests.people import browser_of

pytestmark = pytest.mark.django_db

SKIPPED = ("admin/", "media/", "accounts/logout/")


def every_url(pk: int, handle: str) -> Iterator[str]:
    """Every routed URL, its arguments filled with the ride's id and Asha's handle."""

    def walk(patterns: list[URLPattern | URLResolver], prefix: str) -> Iterator[str]:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
                continue
            route = re.sub(r"<int:\w+>", str(pk), route)
            route = re.sub(r"<str:handle>", handle, route)
            route = re.sub(r"<[^>]+>", "x", route)
            route = route.lstrip("^").rstrip("$")
            if not route.startswith(SKIPPED) and "(" not in route:
                yield "/" + route

    return walk(get_resolver().url_patterns, "")


def public_ride_from_home(owner: User, *, zone_first: bool) -> Activity:
    """The ride, public with its map, and a 400 m zone around where it starts: made
    before the import (cut at import) or after it (the first page for anyone else cuts
    it again, before any background job has run)."""
    home = _start_of_ride(owner)
    if zone_first:
        add_zone(owner=owner, label="Home", lat=home[0], lon=home[1], radius_m=400)
        activity = imported(owner, RIDE)
    else:
        activity = imported(owner, RIDE)
        add_zone(owner=owner, label="Home", lat=home[0], lon=home[1], radius_m=400)
    edit_activity(activity, visibility=Visibility.PUBLIC, map_visibility=Visibility.PUBLIC)
    return activity


def _start_of_ride(owner: User) -> tuple[float, float]:
    activity = imported(owner, RIDE)
    track = activity.streams.load()
    activity.delete()
    return float(track.lat[0]), float(track.lon[0])


@pytest.mark.parametrize("zone_first", [True, False], ids=["zone-then-ride", "ride-then-zone"])
@pytest.mark.parametrize("viewer", ["partner", "follower", "awaiting", "stranger"])
def test_no_point_of_the_hidden_ends_is_in_anything_another_person_receives(
    request: pytest.FixtureRequest, owner: User, viewer: str, zone_first: bool
) -> None:
    activity = public_ride_from_home(owner, zone_first=zone_first)
    # Meera rode it with her from her door, and shares all of it: her line on the
    # outing's map is cut by Asha's zone too.
    meera = people.person("meera")
    hers = imported(meera, RIDE)
    edit_activity(hers, visibility=Visibility.PUBLIC, map_visibility=Visibility.PUBLIC)
    outing = join([activity, hers])
    someone = request.getfixturevalue(viewer)
    client = browser_of(someone)

    urls = [*every_url(activity.pk, owner.handle), f"/outings/{outing.pk}/"]
    bodies = {url: client.get(url) for url in urls}

    activity.refresh_from_db()
    track = activity.streams.load()
    hidden, visible = split_samples(
        track.lat, track.lon, activity.visible_first, activity.visible_last
    )
    # Both ends start at home: both are cut.
    assert (
        activity.visible_first and activity.visible_last and activity.visible_last < len(track) - 1
    )
    page = bodies[f"/activities/{activity.pk}/"]
    assert page.status_code == 200 and b"activity-data" in page.content
    lines = bodies[f"/outings/{outing.pk}/"]
    assert lines.status_code == 200 and lines.content.count(b'"lat"') == 2
    gpx = bodies[f"/activities/{activity.pk}/gpx/"]
    assert gpx.status_code == 200 and b"<trkpt" in gpx.content
    assert bodies[f"/activities/{activity.pk}/original/"].status_code == 404
    for url, response in [*bodies.items(), *_blocked_and_anonymous(request, activity)]:
        assert response.status_code != 500, url
        body = b"".join(response) if response.streaming else response.content  # type: ignore[attr-defined]
        assert hidden_points_in(body.decode(errors="replace"), hidden, visible) == [], url


def _blocked_and_anonymous(request: pytest.FixtureRequest, activity: Activity) -> list:  # type: ignore[type-arg]
    """Those who see nothing of hers: each of the ride's own URLs, answered 404 or a login."""
    urls = [f"/activities/{activity.pk}/{tail}" for tail in ("", "gpx/", "original/")]
    found = []
    for someone in (request.getfixturevalue("blocked"), None):
        client = browser_of(someone)
        for url in urls:
            response = client.get(url)
            assert response.status_code in (302, 404), url
            found.append((url, response))
    return found


def test_the_owner_receives_the_whole_route_and_the_search_finds_its_ends(owner: User) -> None:
    activity = public_ride_from_home(owner, zone_first=True)
    client = browser_of(owner)
    activity.refresh_from_db()
    track = activity.streams.load()
    hidden, visible = split_samples(
        track.lat, track.lon, activity.visible_first, activity.visible_last
    )

    for url in (f"/activities/{activity.pk}/", f"/activities/{activity.pk}/gpx/"):
        found = hidden_points_in(client.get(url).content.decode(), hidden, visible)
        assert len(found) > 10, url

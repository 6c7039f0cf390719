"""A feed entry's small route is drawn from the preview stored with the streams: the
owner's whole route to the owner, the part left by her privacy zones and hidden ends to
anyone who may see the map, and nothing to anyone else, nor for an activity with no
track. A zone saved a moment ago hides the route from others until the re-cut has run."""

from __future__ import annotations

import re

import pytest

from saathi.accounts.models import User
from saathi.activities.charts import chart_picks, route_preview
from saathi.activities.models import Activity, ActivityStreams, Visibility
from saathi.activities.privacy import recut_owner
from saathi.people.zones import add_zone
from saathi.tracks.privacy import visible_part
from tests.feed.entries import feed_of, run
from tests.together.recordings import loop_run, recorded
from tests.tracks.outing_cases import LAT0, LON0

pytestmark = pytest.mark.django_db


def _routes(html: str) -> list[str]:
    return re.findall(r'<svg class="route-shape"[^>]*><path d="([^"]+)"/>', html)


def _loop(owner: User, map_level: str = Visibility.FOLLOWERS) -> tuple[Activity, ActivityStreams]:
    """Asha's 12 km loop, which Farid (her follower) may see."""
    activity = recorded(
        owner, loop_run(), visibility=Visibility.FOLLOWERS, map_visibility=map_level
    )
    return activity, ActivityStreams.objects.get(activity=activity)


def test_the_owner_sees_her_whole_route_and_a_follower_the_visible_part(
    owner: User, follower: User
) -> None:
    _, streams = _loop(owner)
    assert streams.preview.startswith("M") and streams.visible_preview.startswith("M")
    # She hides her ends (the default): what others see is another shape.
    assert streams.preview != streams.visible_preview
    assert _routes(feed_of(owner)) == [streams.preview]
    assert _routes(feed_of(follower)) == [streams.visible_preview]


def test_the_preview_of_a_zone_cut_route_is_the_visible_part_alone(
    owner: User, follower: User
) -> None:
    activity, before = _loop(owner)
    add_zone(owner=owner, lat=LAT0, lon=LON0, radius_m=600)
    recut_owner(owner)
    activity.refresh_from_db()
    streams = ActivityStreams.objects.get(activity=activity)
    assert activity.visible_first is not None and activity.visible_last is not None
    # Drawn again, independently, from the samples others may receive: the same path.
    part = visible_part(streams.load(), (activity.visible_first, activity.visible_last))
    assert streams.visible_preview == route_preview(chart_picks(activity, part))
    assert streams.visible_preview not in (streams.preview, before.visible_preview)
    html = feed_of(follower)
    assert _routes(html) == [streams.visible_preview]
    assert streams.preview not in html


def test_no_route_where_the_map_is_not_hers_to_see(owner: User, follower: User) -> None:
    _, streams = _loop(owner, map_level=Visibility.ONLY_ME)
    html = feed_of(follower)
    assert _routes(html) == []
    assert streams.visible_preview not in html
    assert _routes(feed_of(owner)) == [streams.preview]


def test_an_activity_without_a_track_has_no_route(owner: User) -> None:
    run(owner)
    html = feed_of(owner)
    assert 'id="entry-activity-' in html
    assert _routes(html) == []


def test_a_zone_saved_before_the_recut_hides_the_route_from_others(
    owner: User, follower: User
) -> None:
    _, streams = _loop(owner)
    add_zone(owner=owner, lat=LAT0, lon=LON0, radius_m=600)  # the re-cut job has not run
    assert _routes(feed_of(follower)) == []
    assert _routes(feed_of(owner)) == [streams.preview]
    recut_owner(owner)
    streams.refresh_from_db()
    assert _routes(feed_of(follower)) == [streams.visible_preview]

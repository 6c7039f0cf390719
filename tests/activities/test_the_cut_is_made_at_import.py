"""An import cuts the route by its owner's zones and "hide the ends": others get the
visible part, the title and places name its ends, and the owner keeps the whole."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.activities.changes import edit_activity
from saathi.activities.manual import create_manual_activity
from saathi.activities.models import Visibility
from saathi.activities.privacy import auto_title, recut, rules_of, visible_track
from saathi.people.zones import add_zone
from saathi.tracks.places import nearest_place
from tests.activities.made_routes import HOME, gpx_east, imported_bytes, tcx_without_positions
from tests.activities.pages import RIDE, imported, page_data
from tests.people import browser_of

pytestmark = pytest.mark.django_db


def _public(activity):  # type: ignore[no-untyped-def]
    edit_activity(activity, visibility=Visibility.PUBLIC, map_visibility=Visibility.PUBLIC)
    return activity


def test_each_activity_draws_its_own_trims_once(owner: User) -> None:
    one = imported_bytes(owner, "a.gpx", gpx_east(5000, name="a"))
    two = imported_bytes(owner, "b.gpx", gpx_east(5000, name="b"))
    for activity in (one, two):
        assert 200 <= activity.trim_start_m <= 500 and 200 <= activity.trim_end_m <= 500
    assert (one.trim_start_m, one.trim_end_m) != (two.trim_start_m, two.trim_end_m)
    # The same activity cut again gives the same cut.
    before = (one.visible_first, one.visible_last)
    one.cut_key = ""
    assert recut(one)
    one.refresh_from_db()
    assert (one.visible_first, one.visible_last) == before


def test_hiding_the_ends_cuts_the_trims_from_a_run_with_no_zone(
    owner: User, stranger: User
) -> None:
    activity = _public(imported_bytes(owner, "run.gpx", gpx_east(5000)))
    track = activity.streams.load()
    assert activity.visible_first == pytest.approx(activity.trim_start_m / 10, abs=1.5)
    assert len(track) - 1 - activity.visible_last == pytest.approx(
        activity.trim_end_m / 10, abs=1.5
    )
    seen = visible_track(activity, stranger)
    assert seen is not None and len(seen) == activity.visible_last - activity.visible_first + 1
    assert visible_track(activity, owner) is not None and len(
        visible_track(activity, owner)
    ) == len(track)  # type: ignore[arg-type]


def test_with_the_ends_shown_and_no_zone_others_see_everything(owner: User, stranger: User) -> None:
    owner.hide_ends = False
    owner.save()
    activity = _public(imported_bytes(owner, "run.gpx", gpx_east(5000)))
    assert (activity.visible_first, activity.visible_last) == (0, activity.points - 1)


def test_a_zone_moves_the_start_the_places_and_the_title_to_where_others_see_it(
    owner: User,
) -> None:
    plain = imported(owner, RIDE)
    track = plain.streams.load()
    plain.delete()
    add_zone(owner=owner, lat=float(track.lat[0]), lon=float(track.lon[0]), radius_m=800)

    activity = imported(owner, RIDE)

    first = activity.visible_first
    assert first is not None and first > 0
    assert (activity.start_lat, activity.start_lon) == (track.lat[first], track.lon[first])
    # The places and the title are those of the visible ends.
    assert activity.start_place == nearest_place(activity.start_lat, activity.start_lon).name  # type: ignore[arg-type, union-attr]
    assert activity.title == auto_title(activity)
    assert activity.visible_south <= activity.start_lat <= activity.visible_north  # type: ignore[operator]


def test_a_run_that_never_leaves_the_zone_shows_others_no_map(owner: User, stranger: User) -> None:
    add_zone(owner=owner, lat=HOME[0], lon=HOME[1], radius_m=400)
    activity = _public(imported_bytes(owner, "short.gpx", gpx_east(300, back=True)))
    assert activity.visible_first is None and activity.start_lat is None
    assert activity.title == "Afternoon run"  # no place: nothing names the street

    page = browser_of(stranger).get(f"/activities/{activity.pk}/")
    assert page.status_code == 200 and b"activity-data" not in page.content
    assert b"GPX export" not in page.content
    assert browser_of(stranger).get(f"/activities/{activity.pk}/gpx/").status_code == 404
    # The owner still sees the whole route, and is told no one else does.
    mine = browser_of(owner).get(f"/activities/{activity.pk}/").content.decode()
    assert len(page_data(mine)["route"]["lat"]) > 10
    assert page_data(mine)["visible"] == {"lat": [], "lon": []}
    assert "Only you see this route" in mine


def test_a_track_without_positions_shows_others_its_whole_charts(
    owner: User, stranger: User
) -> None:
    add_zone(owner=owner, lat=HOME[0], lon=HOME[1], radius_m=400)
    activity = _public(imported_bytes(owner, "treadmill.tcx", tcx_without_positions()))
    assert (activity.visible_first, activity.visible_last) == (0, activity.points - 1)
    page = browser_of(stranger).get(f"/activities/{activity.pk}/").content.decode()
    assert "hr" in {s["key"] for s in page_data(page)["series"]}


def test_an_entry_by_hand_has_nothing_to_cut(owner: User, stranger: User) -> None:
    from datetime import datetime

    activity = create_manual_activity(
        owner=owner,
        sport="yoga",
        start=datetime(2026, 5, 1, 6, 30),
        duration_s=1800,
        visibility=Visibility.PUBLIC,
    )
    assert visible_track(activity, stranger) is None
    assert not recut(activity, rules_of(owner))  # no samples: never stale
    assert browser_of(stranger).get(f"/activities/{activity.pk}/").status_code == 200

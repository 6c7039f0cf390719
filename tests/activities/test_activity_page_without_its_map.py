"""Someone allowed an activity but not its map sees its title and figures only: no map,
no charts or splits from the samples, no GPX export, and never the original file."""

from __future__ import annotations

from saathi.accounts.models import User
from saathi.activities.changes import edit_activity
from saathi.activities.models import Visibility
from tests.activities.pages import RIDE, imported, text_of
from tests.people import browser_of


def test_a_follower_sees_the_title_and_figures_but_not_the_route(
    owner: User, follower: User
) -> None:
    ride = imported(owner, RIDE)
    edit_activity(ride, visibility=Visibility.FOLLOWERS, map_visibility=Visibility.ONLY_ME)

    html = browser_of(follower).get(f"/activities/{ride.pk}/").content.decode()

    words = text_of(html)
    assert ride.title in words and "57.57 km" in words.replace("\xa0", " ")
    assert 'id="activity-data"' not in html and 'id="activity-map"' not in html
    assert "Splits" not in words and "Charts" not in words
    assert f"/activities/{ride.pk}/gpx/" not in html
    assert f"/activities/{ride.pk}/original/" not in html
    assert "shares the route of this activity with fewer people" in words
    gpx = browser_of(follower).get(f"/activities/{ride.pk}/gpx/")
    assert gpx.status_code == 404


def test_with_the_map_shared_the_follower_gets_the_route_but_not_the_original(
    owner: User, follower: User
) -> None:
    ride = imported(owner, RIDE)
    edit_activity(ride, visibility=Visibility.FOLLOWERS, map_visibility=Visibility.FOLLOWERS)

    html = browser_of(follower).get(f"/activities/{ride.pk}/").content.decode()

    assert 'id="activity-data"' in html and f"/activities/{ride.pk}/gpx/" in html
    assert f"/activities/{ride.pk}/original/" not in html
    assert browser_of(follower).get(f"/activities/{ride.pk}/original/").status_code == 404
    assert browser_of(owner).get(f"/activities/{ride.pk}/original/").status_code == 200


def test_a_visitor_sees_a_public_activity_of_a_public_profile(owner: User) -> None:
    owner.public_profile = True
    owner.save()
    ride = imported(owner, RIDE)
    edit_activity(ride, visibility=Visibility.PUBLIC, map_visibility=Visibility.ONLY_ME)

    page = browser_of(None).get(f"/activities/{ride.pk}/")

    assert page.status_code == 200 and ride.title in page.content.decode()
    assert 'id="activity-data"' not in page.content.decode()
    assert browser_of(None).get(f"/activities/{ride.pk}/gpx/").status_code == 302

"""The edit page says who can see an activity and its map in plain words, and says so
when a map chosen wider than its activity is narrowed to it; the upload and entry pages
say which default a new activity takes, with a link to change it."""

from __future__ import annotations

from saathi.accounts.models import User
from saathi.activities.models import Visibility
from tests.activities.pages import RIDE, imported, text_of
from tests.people import browser_of


def test_the_edit_page_names_the_levels_in_words(owner: User) -> None:
    ride = imported(owner, RIDE)

    words = text_of(browser_of(owner).get(f"/activities/{ride.pk}/edit/").content.decode())

    assert "Who can see it" in words and "Who can see the map" in words
    for choice in ("Only me", "My training partners", "My followers (my training partners too)"):
        assert words.count(choice) == 2  # once for the activity, once for its map
    assert "Everyone on Saathi (and visitors, if my profile is public)" in words


def test_a_map_wider_than_its_activity_is_narrowed_and_the_page_says_so(owner: User) -> None:
    ride = imported(owner, RIDE)
    browser = browser_of(owner)

    response = browser.post(
        f"/activities/{ride.pk}/edit/",
        {
            "title": ride.title,
            "sport": ride.sport,
            "timezone": ride.timezone,
            "visibility": Visibility.PARTNERS,
            "map_visibility": Visibility.PUBLIC,
        },
        follow=True,
    )

    ride.refresh_from_db()
    assert (ride.visibility, ride.map_visibility) == (Visibility.PARTNERS, Visibility.PARTNERS)
    assert (
        "No more people can see the map than see the activity, so its map is seen by "
        "your training partners, as the activity is." in text_of(response.content.decode())
    )


def test_no_word_of_narrowing_when_nothing_was_narrowed(owner: User) -> None:
    ride = imported(owner, RIDE)
    response = browser_of(owner).post(
        f"/activities/{ride.pk}/edit/",
        {
            "title": ride.title,
            "sport": ride.sport,
            "timezone": ride.timezone,
            "visibility": Visibility.PUBLIC,
            "map_visibility": Visibility.FOLLOWERS,
        },
        follow=True,
    )
    assert "No more people can see the map" not in response.content.decode()


def test_upload_and_entry_pages_say_which_default_applies(owner: User) -> None:
    owner.default_visibility, owner.default_map_visibility = "public", "partners"
    owner.save()
    for path in ("/activities/upload/", "/activities/new/"):
        html = browser_of(owner).get(path).content.decode()
        assert (
            "New activities are seen by everyone on Saathi, their maps by your training "
            "partners: change this in settings" in text_of(html)
        )
        assert 'href="/settings/"' in html

"""Badges are part of the activity: whoever may see it sees them. The comparison names
another activity, so it shows only to those who may see that one too."""

from __future__ import annotations

from saathi.accounts.models import User
from tests.activities.pages import text_of
from tests.people import browser_of
from tests.records.history import entry


def test_a_stranger_sees_the_badge_of_a_public_ride_without_a_private_comparison(
    owner: User, stranger: User
) -> None:
    entry(owner, "2025-01-02 07:00", km=50)  # only me
    entry(owner, "2025-08-02 07:00", km=42.3)  # only me
    public = entry(owner, "2025-08-20 07:00", km=65, visibility="public")
    back = entry(owner, "2025-06-01 07:00", km=45, visibility="public")

    mine = text_of(browser_of(owner).get(f"/activities/{public.pk}/").content.decode())
    theirs = text_of(browser_of(stranger).get(f"/activities/{public.pk}/").content.decode())

    assert "65.0 km — longest ride so far, previous 50.0 km on 2 Jan" in mine
    assert "65.0 km — longest ride so far" in theirs
    assert "previous" not in theirs and "50.0 km" not in theirs
    since = text_of(browser_of(owner).get(f"/activities/{back.pk}/").content.decode())
    assert "45.0 km — longest ride since 2 Jan" in since
    since = text_of(browser_of(stranger).get(f"/activities/{back.pk}/").content.decode())
    assert "45.0 km" in since and "since" not in since


def test_a_comparison_with_a_public_ride_shows_to_a_stranger(owner: User, stranger: User) -> None:
    first = entry(owner, "2025-08-02 07:00", km=42.3, visibility="public")
    second = entry(owner, "2025-08-20 07:00", km=65, visibility="public")

    page = browser_of(stranger).get(f"/activities/{second.pk}/").content.decode()

    assert "longest ride so far, previous 42.3 km on 2 Aug" in text_of(page)
    assert f'href="/activities/{first.pk}/"' in page


def test_a_private_rides_badges_stay_with_it(owner: User, stranger: User) -> None:
    entry(owner, "2025-08-02 07:00", km=42.3)
    private = entry(owner, "2025-08-20 07:00", km=65)

    assert browser_of(stranger).get(f"/activities/{private.pk}/").status_code == 404
    anonymous = browser_of(None).get(f"/activities/{private.pk}/")
    assert anonymous.status_code == 302


def test_the_activity_list_shows_each_rides_badges(owner: User) -> None:
    entry(owner, "2025-08-02 07:00", km=42.3)
    entry(owner, "2025-08-20 07:00", km=65)

    for view in ("", "?view=cards"):
        page = text_of(browser_of(owner).get(f"/activities/{view}").content.decode())
        assert "65.0 km — longest ride so far, previous 42.3 km on 2 Aug" in page
        assert "First ride" in page


def test_the_dashboard_shows_the_milestones_just_earned(owner: User) -> None:
    entry(owner, "2025-08-02 07:00", km=42.3)
    entry(owner, "2025-08-20 07:00", km=65)

    page = text_of(browser_of(owner).get("/").content.decode())

    assert "65.0 km — longest ride so far, previous 42.3 km on 2 Aug" in page

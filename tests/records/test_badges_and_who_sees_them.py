"""Badges are part of the activity: whoever may see it sees them. The owner's are judged
over all her activities; anyone else's are judged afresh over what they may see, so that
no badge and no comparison tells them of an activity hidden from them."""

from __future__ import annotations

from saathi.accounts.models import User
from tests.activities.pages import text_of
from tests.people import browser_of
from tests.records.history import entry


def test_a_stranger_sees_badges_judged_on_the_public_rides_alone(
    owner: User, stranger: User
) -> None:
    entry(owner, "2025-01-02 07:00", km=50, visibility="only_me")
    entry(owner, "2025-08-02 07:00", km=42.3, visibility="only_me")
    public = entry(owner, "2025-08-20 07:00", km=65, visibility="public")
    back = entry(owner, "2025-06-01 07:00", km=45, visibility="public")

    mine = text_of(browser_of(owner).get(f"/activities/{public.pk}/").content.decode())
    theirs = text_of(browser_of(stranger).get(f"/activities/{public.pk}/").content.decode())

    assert "65.0 km — longest ride so far, previous 50.0 km on 2 Jan" in mine
    assert "65.0 km — longest ride so far, previous 45.0 km on 1 Jun" in theirs
    assert "50.0 km" not in theirs and "42.3 km" not in theirs
    since = text_of(browser_of(owner).get(f"/activities/{back.pk}/").content.decode())
    assert "45.0 km — longest ride since 2 Jan" in since and "First ride" not in since
    # For him it is her first ride: the two before it are hidden from him.
    since = text_of(browser_of(stranger).get(f"/activities/{back.pk}/").content.decode())
    assert "First ride" in since and "since" not in since and "2 Jan" not in since


def test_a_hidden_longer_ride_does_not_take_the_badge_away(owner: User, follower: User) -> None:
    entry(owner, "2025-08-01 07:00", km=30, visibility="followers")
    entry(owner, "2025-08-02 07:00", km=80, visibility="only_me")
    later = entry(owner, "2025-08-20 07:00", km=65, visibility="followers")

    mine = text_of(browser_of(owner).get(f"/activities/{later.pk}/").content.decode())
    theirs = text_of(browser_of(follower).get(f"/activities/{later.pk}/").content.decode())

    assert "longest ride" not in mine  # the 80 km ride just before is longer
    assert "65.0 km — longest ride so far, previous 30.0 km on 1 Aug" in theirs
    assert "80.0 km" not in theirs and "2 Aug" not in theirs


def test_round_numbers_count_only_what_the_viewer_may_see(owner: User, stranger: User) -> None:
    for day in range(1, 10):
        entry(owner, f"2025-08-{day:02d} 07:00", km=5, visibility="only_me")
    tenth = entry(owner, "2025-08-10 07:00", km=5, visibility="public")

    assert "10th ride" in text_of(
        browser_of(owner).get(f"/activities/{tenth.pk}/").content.decode()
    )
    theirs = text_of(browser_of(stranger).get(f"/activities/{tenth.pk}/").content.decode())
    assert "10th" not in theirs and "First ride" in theirs


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


def test_a_judging_kept_in_the_cache_follows_every_change_to_what_he_may_see(
    owner: User, stranger: User
) -> None:
    # Others' badges are judged once per history and kept (records/badges.py): hiding,
    # showing, adding or deleting a ride he may see must each be judged afresh, never read stale.
    from saathi.activities.changes import edit_activity

    earlier = entry(owner, "2025-08-02 07:00", km=42.3, visibility="public")
    later = entry(owner, "2025-08-20 07:00", km=65, visibility="public")

    def badge() -> str:
        page = browser_of(stranger).get(f"/activities/{later.pk}/").content.decode()
        return text_of(page)

    assert "65.0 km — longest ride so far, previous 42.3 km on 2 Aug" in badge()
    edit_activity(earlier, visibility="only_me")
    assert "42.3 km" not in badge() and "First ride" in badge()
    edit_activity(earlier, visibility="public")
    assert "previous 42.3 km on 2 Aug" in badge()
    between = entry(owner, "2025-08-10 07:00", km=55, visibility="public")
    assert "previous 55.0 km on 10 Aug" in badge()
    between.delete()
    earlier.delete()
    assert "First ride" in badge()

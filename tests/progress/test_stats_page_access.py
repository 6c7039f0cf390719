"""Stats and goals are the signed-in person's own: a stranger sees only theirs, anyone
signed out is sent to log in."""

from __future__ import annotations

from datetime import datetime

import pytest

from saathi.accounts.models import User
from saathi.progress.models import Goal
from tests.people import browser_of
from tests.progress.entries import entry

pytestmark = pytest.mark.django_db

PAGES = ["/stats/", "/stats/day/2026-03-01/", "/stats/goals/new/"]


@pytest.mark.parametrize("url", PAGES)
def test_anonymous_visitors_are_sent_to_log_in(url: str) -> None:
    response = browser_of(None).get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_owner_sees_her_totals_and_a_stranger_sees_none_of_them(
    owner: User, stranger: User
) -> None:
    entry(owner, datetime(2026, 3, 1, 7, 0), distance_m=42_300, title="Ride to Lonavala")
    mine = browser_of(owner).get("/stats/?year=2026").content.decode()
    assert '42.30<span class="unit">km</span>' in mine
    theirs = browser_of(stranger).get("/stats/?year=2026").content.decode()
    assert "42.30" not in theirs
    assert "<dt>Activities in 2026</dt><dd>0</dd>" in theirs


def test_a_stranger_cannot_see_the_owners_day(owner: User, stranger: User) -> None:
    entry(owner, datetime(2026, 3, 1, 7, 0), distance_m=42_300, title="Ride to Lonavala")
    assert "Ride to Lonavala" in browser_of(owner).get("/stats/day/2026-03-01/").content.decode()
    theirs = browser_of(stranger).get("/stats/day/2026-03-01/").content.decode()
    assert "Ride to Lonavala" not in theirs
    assert "No activity" in theirs


def test_a_day_that_is_not_a_date_is_not_found(owner: User) -> None:
    assert browser_of(owner).get("/stats/day/2026-02-30/").status_code == 404
    assert browser_of(owner).get("/stats/day/yesterday/").status_code == 404


def test_someone_elses_goal_cannot_be_edited_or_deleted(owner: User, stranger: User) -> None:
    goal = Goal.objects.create(
        owner=owner, sport="ride", period="year", measure="distance", target=1e6
    )
    thief = browser_of(stranger)
    for url in (f"/stats/goals/{goal.pk}/edit/", f"/stats/goals/{goal.pk}/delete/"):
        assert thief.get(url).status_code == 404
        assert (
            thief.post(
                url, {"sport": "", "period": "week", "measure": "count", "amount": "1"}
            ).status_code
            == 404
        )
    goal.refresh_from_db()
    assert (goal.sport, goal.period, goal.target) == ("ride", "year", 1e6)
    anonymous = browser_of(None)
    assert anonymous.post(f"/stats/goals/{goal.pk}/delete/").status_code == 302
    assert Goal.objects.filter(pk=goal.pk).exists()


def test_the_owner_edits_and_deletes_her_goal(owner: User) -> None:
    goal = Goal.objects.create(
        owner=owner, sport="ride", period="year", measure="distance", target=1e6
    )
    me = browser_of(owner)
    assert 'value="1000.0"' in me.get(f"/stats/goals/{goal.pk}/edit/").content.decode()
    response = me.post(
        f"/stats/goals/{goal.pk}/edit/",
        {"sport": "ride", "period": "year", "measure": "distance", "amount": "1200"},
    )
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.target == pytest.approx(1_200_000)
    assert me.post(f"/stats/goals/{goal.pk}/delete/").status_code == 302
    assert not Goal.objects.filter(pk=goal.pk).exists()

"""Through the edit page: a ride turned into a run, or moved to another time zone, is
judged again (the page's form changes the activity before `edit` sees it)."""

from __future__ import annotations

from saathi.accounts.models import User
from saathi.records.models import Kind, Record
from tests.activities.pages import text_of
from tests.people import browser_of
from tests.records.history import entry, milestones_of


def _edit(owner: User, activity_pk: int, **changes: str) -> None:
    form = {"title": "x", "sport": "ride", "timezone": "Asia/Kolkata", "visibility": "only_me"}
    form["map_visibility"] = "only_me"
    response = browser_of(owner).post(f"/activities/{activity_pk}/edit/", {**form, **changes})
    assert response.status_code == 302


def test_the_edit_page_moves_a_rides_records_to_running(owner: User) -> None:
    entry(owner, "2025-03-01 07:00", km=30)
    longer = entry(owner, "2025-03-08 07:00", km=40)
    run = entry(owner, "2025-03-02 07:00", sport="run", km=10, minutes=55)

    _edit(owner, longer.pk, sport="run")

    holders = Record.objects.filter(measure="distance", activity=longer)
    assert list(holders.values_list("sport", flat=True)) == ["run"]
    assert milestones_of(longer)[Kind.LONGEST][0].previous_activity_id == run.pk


def test_the_edit_page_moves_the_day_a_badge_names(owner: User) -> None:
    first = entry(owner, "2025-08-02 06:00", km=30)
    second = entry(owner, "2025-08-20 07:00", km=40)

    _edit(owner, first.pk, timezone="America/Los_Angeles")

    page = text_of(browser_of(owner).get(f"/activities/{second.pk}/").content.decode())
    assert "previous 30.0 km on 1 Aug" in page

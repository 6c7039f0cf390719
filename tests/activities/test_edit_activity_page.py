"""Editing an activity's words, sport, zone and visibility; deleting it after a question."""

from __future__ import annotations

from pathlib import Path

import pytest

from saathi.accounts.models import User
from saathi.activities.models import Activity, ImportJob
from tests.activities.pages import RIDE, imported
from tests.people import browser_of

pytestmark = pytest.mark.django_db


def test_the_owner_renames_it_and_moves_it_to_another_zone(owner: User) -> None:
    ride = imported(owner, RIDE)
    response = browser_of(owner).post(
        f"/activities/{ride.pk}/edit/",
        {
            "title": "Ardennes with Ravi",
            "description": "Rain on the Stockeu.",
            "sport": "mountain_bike_ride",
            "timezone": "America/Los_Angeles",
            "visibility": "public",
            "map_visibility": "followers",
        },
    )
    assert response["Location"] == f"/activities/{ride.pk}/"
    ride.refresh_from_db()
    assert (ride.title, ride.sport, ride.visibility, ride.map_visibility) == (
        "Ardennes with Ravi",
        "mountain_bike_ride",
        "public",
        "followers",
    )
    # 14:10 UTC on 20 Sep 2019 was 07:10 that morning in Los Angeles: the same day.
    html = browser_of(owner).get(f"/activities/{ride.pk}/").content.decode()
    assert "07:10" in html and "(America/Los_Angeles)" in html
    assert "Rain on the Stockeu." in html and "Mountain bike ride" in html


def test_an_unknown_time_zone_is_refused(owner: User) -> None:
    ride = imported(owner, RIDE)
    response = browser_of(owner).post(
        f"/activities/{ride.pk}/edit/",
        {
            "title": "x",
            "sport": "ride",
            "timezone": "Mars/Olympus",
            "visibility": "only_me",
            "map_visibility": "only_me",
        },
    )
    assert response.status_code == 200 and "Mars/Olympus" in response.content.decode()
    ride.refresh_from_db()
    assert ride.timezone == "Europe/Brussels"


def test_delete_asks_first_then_removes_the_activity_and_its_file(
    owner: User, django_capture_on_commit_callbacks: object
) -> None:
    ride = imported(owner, RIDE)
    stored = Path(ImportJob.objects.get(activity=ride).original.path)
    assert stored.exists()
    client = browser_of(owner)
    question = client.get(f"/activities/{ride.pk}/delete/").content.decode()
    assert "Delete “Loop around Stavelot”?" in question and 'method="post"' in question
    assert Activity.objects.filter(pk=ride.pk).exists()  # asking deletes nothing
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        response = client.post(f"/activities/{ride.pk}/delete/")
    assert response["Location"] == "/activities/"
    assert not Activity.objects.filter(pk=ride.pk).exists()
    assert not stored.exists()

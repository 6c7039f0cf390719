"""Adding, changing or deleting a zone, or switching "hide the ends", cuts the owner's
older activities again in a background job; the page says how many are left while it
runs, and no one else is served a stale cut meanwhile."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.activities.privacy import rules_of, still_to_cut
from saathi.people.zones import add_zone
from tests.activities.made_routes import HOME, gpx_east, imported_bytes

pytestmark = pytest.mark.django_db
PAGE = "/settings/privacy-zones/"
ZONE = {"label": "Home", "lat": str(HOME[0]), "lon": str(HOME[1]), "radius_m": "400"}


def _three_runs(owner: User) -> list[Activity]:
    return [
        imported_bytes(owner, f"{n}.gpx", gpx_east(4000 + 500 * n, name=str(n))) for n in range(3)
    ]


def test_adding_a_zone_on_the_page_recuts_every_older_activity(
    owner_client: Client, owner: User, django_capture_on_commit_callbacks: Any
) -> None:
    runs = _three_runs(owner)
    before = {run.pk: run.visible_first for run in runs}

    with django_capture_on_commit_callbacks(execute=True):
        owner_client.post(PAGE, ZONE)

    key = rules_of(owner).key
    for run in Activity.objects.filter(owner=owner):
        assert run.cut_key == key
        assert run.visible_first > before[run.pk]  # type: ignore[operator]
    assert still_to_cut(owner) == 0


def test_switching_off_hide_the_ends_shows_the_whole_route_again(
    owner_client: Client, owner: User, django_capture_on_commit_callbacks: Any
) -> None:
    runs = _three_runs(owner)
    with django_capture_on_commit_callbacks(execute=True):
        owner_client.post(f"{PAGE}ends/", {})
    for run in runs:
        run.refresh_from_db()
        assert (run.visible_first, run.visible_last) == (0, run.points - 1)


def test_a_title_saathi_made_follows_the_new_ends_and_one_she_wrote_stays(
    owner_client: Client, owner: User, django_capture_on_commit_callbacks: Any
) -> None:
    made, written, _ = _three_runs(owner)
    written.title = "Up to the orchard"
    written.save()
    # Near a town whose name a title would take, then cut away from it entirely.
    with django_capture_on_commit_callbacks(execute=True):
        owner_client.post(PAGE, {**ZONE, "radius_m": "1600"})
    made.refresh_from_db()
    written.refresh_from_db()
    assert written.title == "Up to the orchard"
    assert made.title == _auto(made)


def _auto(activity: Activity) -> str:
    from saathi.activities.privacy import auto_title

    return auto_title(activity)


def test_while_the_job_has_not_run_the_page_says_how_many_are_left(
    owner_client: Client, owner: User
) -> None:
    _three_runs(owner)
    add_zone(owner=owner, lat=HOME[0], lon=HOME[1], radius_m=400)  # no job queued

    html = owner_client.get(PAGE).content.decode()
    assert "Cutting your activities again: 3 to go" in html
    partial = owner_client.get(PAGE, headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 2s"' in partial and "3 to go" in partial


def test_someone_else_never_waits_for_the_job(owner: User, stranger: User) -> None:
    from saathi.activities.changes import edit_activity
    from saathi.activities.models import Visibility
    from tests.people import browser_of

    [run, *_] = _three_runs(owner)
    edit_activity(run, visibility=Visibility.PUBLIC, map_visibility=Visibility.PUBLIC)
    before = run.visible_first
    add_zone(owner=owner, lat=HOME[0], lon=HOME[1], radius_m=400)  # no job queued

    assert browser_of(stranger).get(f"/activities/{run.pk}/").status_code == 200
    run.refresh_from_db()
    assert run.cut_key == rules_of(owner).key and run.visible_first > before  # type: ignore[operator]
    assert still_to_cut(owner) == 2

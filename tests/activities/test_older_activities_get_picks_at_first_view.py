"""An activity imported before chart picks were stored gets them at its first view, made
from its streams and saved; only a viewer who may see it sets that off."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.activities.changes import edit_activity
from saathi.activities.models import Activity, ActivityStreams, Visibility
from tests.activities.pages import RIDE, imported, page_data
from tests.people import browser_of

pytestmark = pytest.mark.django_db


def _without_picks(activity: Activity) -> None:
    ActivityStreams.objects.filter(activity=activity).update(picks=None, visible_picks=None)


def _picks(activity: Activity, which: str = "picks") -> bytes | None:
    stored = getattr(ActivityStreams.objects.get(activity=activity), which)
    return None if stored is None else bytes(stored)


def test_the_first_view_makes_the_picks_the_import_would_have_made(owner: User) -> None:
    activity = imported(owner, RIDE)
    at_import = _picks(activity)
    page_at_import = browser_of(owner).get(f"/activities/{activity.pk}/").content.decode()
    _without_picks(activity)

    html = browser_of(owner).get(f"/activities/{activity.pk}/").content.decode()

    assert _picks(activity) == at_import
    assert page_data(html) == page_data(page_at_import)


def test_a_stranger_or_anonymous_visitor_sets_nothing_off(owner: User, stranger: User) -> None:
    activity = imported(owner, RIDE)
    _without_picks(activity)

    assert browser_of(stranger).get(f"/activities/{activity.pk}/").status_code == 404
    assert browser_of(None).get(f"/activities/{activity.pk}/").status_code == 302
    assert _picks(activity) is None


def test_a_public_activity_gets_its_picks_at_a_strangers_view(owner: User, stranger: User) -> None:
    activity = imported(owner, RIDE)
    edit_activity(activity, visibility=Visibility.PUBLIC, map_visibility=Visibility.PUBLIC)
    _without_picks(activity)

    html = browser_of(stranger).get(f"/activities/{activity.pk}/").content.decode()

    assert {s["key"] for s in page_data(html)["series"]} >= {"elevation", "speed", "hr"}
    # A stranger is drawn the part others see (activities/privacy.py): those picks.
    assert _picks(activity, "visible_picks") is not None

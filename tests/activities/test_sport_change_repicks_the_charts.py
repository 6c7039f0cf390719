"""A new sport changes what the charts show (pace or speed) and how far a GPS jump may
go along the route: the picks are made again when the owner changes it."""

from __future__ import annotations

from unittest import mock

import pytest

from saathi.accounts.models import User
from saathi.activities.changes import edit_activity
from saathi.activities.charts import Picks
from saathi.activities.models import Activity, ActivityStreams
from saathi.activities.sports import Sport
from tests.activities.pages import imported, page_data
from tests.people import browser_of

pytestmark = pytest.mark.django_db

RUN = "fit/garmin-stamina.fit"  # an 11 km run, 4,488 samples


def _stored(activity: Activity) -> Picks:
    data = ActivityStreams.objects.get(activity=activity).picks
    assert data is not None
    picks = Picks.unpack(bytes(data))
    assert picks is not None
    return picks


def _keys(owner: User, activity: Activity) -> list[str]:
    html = browser_of(owner).get(f"/activities/{activity.pk}/").content.decode()
    return [s["key"] for s in page_data(html)["series"]]


def test_calling_a_run_a_ride_draws_speed_and_back_to_a_run_pace(owner: User) -> None:
    run = imported(owner, RUN)
    assert _stored(run).sport == Sport.RUN and "pace" in _keys(owner, run)

    edit_activity(run, sport=Sport.RIDE)

    assert _stored(run).sport == Sport.RIDE
    # Made at the edit: the view after it reads only the picks.
    with mock.patch.object(ActivityStreams, "load", side_effect=AssertionError("unpacked")):
        keys = _keys(owner, run)
    assert "speed" in keys and "pace" not in keys

    edit_activity(run, sport=Sport.RUN)
    assert "pace" in _keys(owner, run) and "speed" not in _keys(owner, run)


def test_picks_for_an_old_sport_are_made_again_at_a_view(owner: User) -> None:
    run = imported(owner, RUN)
    # A change that went around Activity.edit (the admin, a shell).
    Activity.objects.filter(pk=run.pk).update(sport=Sport.RIDE)

    assert "speed" in _keys(owner, run)
    assert _stored(run).sport == Sport.RIDE


def test_a_title_change_keeps_the_stored_picks(owner: User) -> None:
    run = imported(owner, RUN)
    before = ActivityStreams.objects.get(activity=run).picks

    with mock.patch.object(ActivityStreams, "load", side_effect=AssertionError("unpacked")):
        edit_activity(run, title="Morning loop")

    assert ActivityStreams.objects.get(activity=run).picks == before

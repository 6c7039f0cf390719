"""The route previews are stored with the streams wherever the picks are made (an import,
a change of sport, a re-cut), and drawn by the migration for activities stored before
them, so that the feed never unpacks a route."""

from __future__ import annotations

import importlib
from unittest import mock

import pytest
from django.apps import apps

from saathi.accounts.models import User
from saathi.activities import charts
from saathi.activities import streams as packed
from saathi.activities.changes import edit_activity
from saathi.activities.charts import route_preview
from saathi.activities.models import ActivityStreams
from tests.activities.made_routes import imported_bytes, tcx_without_positions
from tests.feed.entries import feed_of
from tests.together.recordings import loop_run, recorded

pytestmark = pytest.mark.django_db

migration = importlib.import_module("saathi.activities.migrations.0007_route_previews")


def test_an_import_stores_both_previews(owner: User) -> None:
    activity = recorded(owner, loop_run())
    streams = ActivityStreams.objects.get(activity=activity)
    assert streams.preview == route_preview(streams.picks)
    assert streams.visible_preview == route_preview(streams.visible_picks)
    assert streams.preview.startswith("M") and streams.preview.count(" ") > 20


def test_a_treadmill_run_has_no_preview(owner: User) -> None:
    activity = imported_bytes(owner, "treadmill.tcx", tcx_without_positions())
    streams = ActivityStreams.objects.get(activity=activity)
    assert streams.preview == streams.visible_preview == ""


def test_a_change_of_sport_draws_them_again(owner: User) -> None:
    activity = recorded(owner, loop_run())
    ActivityStreams.objects.filter(activity=activity).update(preview="", visible_preview="")
    edit_activity(activity, sport="walk")
    streams = ActivityStreams.objects.get(activity=activity)
    assert streams.preview == route_preview(streams.picks) != ""


def test_the_migration_draws_them_for_activities_stored_before(owner: User) -> None:
    activity = recorded(owner, loop_run())
    drawn = ActivityStreams.objects.get(activity=activity)
    ActivityStreams.objects.filter(activity=activity).update(preview="", visible_preview="")
    migration.draw_previews(apps, None)
    again = ActivityStreams.objects.get(activity=activity)
    assert (again.preview, again.visible_preview) == (drawn.preview, drawn.visible_preview)


def test_the_feed_reads_the_previews_without_unpacking_a_route(owner: User) -> None:
    recorded(owner, loop_run())
    never = AssertionError("the feed unpacked the streams or the picks")
    with (
        mock.patch.object(ActivityStreams, "load", side_effect=never),
        mock.patch.object(packed, "unpack", side_effect=never),
        mock.patch.object(charts, "unpack_columns", side_effect=never),
    ):
        html = feed_of(owner)
    assert '<svg class="route-shape"' in html

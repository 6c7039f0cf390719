"""Activities imported before privacy zones get their own trims and the cut of "hide the
ends" from the migration that adds them (activities 0005): the ends, places and title
others see are the visible ones from the first request after the upgrade."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.activities.privacy import auto_title, name_ends
from tests.activities.made_routes import gpx_east, imported_bytes

pytestmark = pytest.mark.django_db
MIGRATION = importlib.import_module("saathi.activities.migrations.0005_privacy_cut")


def _as_before_the_migration(activity: Activity) -> None:
    """What 0005's AddField leaves: one trim for all, no span, the whole route's ends."""
    track = activity.streams.load()
    whole = name_ends(
        (float(track.lat[0]), float(track.lon[0])), (float(track.lat[-1]), float(track.lon[-1]))
    )
    Activity.objects.filter(pk=activity.pk).update(
        trim_start_m=321.0,
        trim_end_m=321.0,
        visible_first=None,
        visible_last=None,
        cut_key="",
        **whole,
    )
    activity.refresh_from_db()
    Activity.objects.filter(pk=activity.pk).update(title=auto_title(activity))


def test_each_older_activity_draws_its_own_trims_and_is_cut(owner: User) -> None:
    runs = [imported_bytes(owner, f"{n}.gpx", gpx_east(5000, name=str(n))) for n in range(3)]
    for run in runs:
        _as_before_the_migration(run)

    MIGRATION.draw_trims_and_cut(apps, None)

    trims = set()
    for run in runs:
        run.refresh_from_db()
        trims.add((run.trim_start_m, run.trim_end_m))
        assert 200 <= run.trim_start_m <= 500
        assert run.visible_first == pytest.approx(run.trim_start_m / 10, abs=1.5)
        track = run.streams.load()
        assert (run.start_lat, run.start_lon) == (
            track.lat[run.visible_first],
            track.lon[run.visible_first],
        )
        assert run.title == auto_title(run)
        assert run.cut_key == ""  # the charts are cut at the first view or by the job
    assert len(trims) == 3

"""A view of an activity draws from its stored chart picks: it never reads the packed
streams, let alone unpacks them."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from saathi.accounts.models import User
from saathi.activities import streams
from saathi.activities.models import ActivityStreams
from tests.activities.pages import RIDE, imported, page_data
from tests.people import browser_of

pytestmark = pytest.mark.django_db

NEVER = AssertionError("the activity page unpacked the streams")


def test_the_page_draws_its_charts_without_the_streams(owner: User) -> None:
    activity = imported(owner, RIDE)
    client = browser_of(owner)

    with (
        mock.patch.object(ActivityStreams, "load", side_effect=NEVER),
        mock.patch.object(streams, "unpack", side_effect=NEVER),
        CaptureQueriesContext(connection) as queries,
    ):
        response = client.get(f"/activities/{activity.pk}/")

    assert response.status_code == 200
    series = page_data(response.content.decode())["series"]
    assert {s["key"] for s in series} == {"elevation", "speed", "hr", "cadence", "power"}
    read = [q["sql"] for q in queries.captured_queries if "activitystreams" in q["sql"]]
    assert len(read) == 1
    # Every column but the samples: `picks` is read, `data` is not.
    assert '"picks"' in read[0] and '"data"' not in read[0]


def test_the_picks_are_a_small_share_of_the_streams(owner: User) -> None:
    activity = imported(owner, RIDE)
    stored = ActivityStreams.objects.get(activity=activity)
    assert stored.picks is not None
    # Five series of 1,000 points and a 2,000-point route, against 8,357 samples.
    assert 5_000 < len(stored.picks) < len(stored.data) / 2

"""The home page's feed draws each route from the preview stored with the streams
(docs/feed.md): twenty entries must not unpack twenty activities' samples."""

from __future__ import annotations

from unittest import mock

import pytest

from saathi.accounts.models import User
from saathi.activities import streams
from saathi.activities.models import ActivityStreams
from tests.activities.pages import RIDE, imported
from tests.people import browser_of

pytestmark = pytest.mark.django_db

NEVER = AssertionError("the dashboard unpacked the streams")


def test_the_feed_draws_routes_without_the_streams(owner: User) -> None:
    imported(owner, RIDE)
    client = browser_of(owner)

    with (
        mock.patch.object(ActivityStreams, "load", side_effect=NEVER),
        mock.patch.object(streams, "unpack", side_effect=NEVER),
    ):
        html = client.get("/").content.decode()

    assert '<svg class="route-shape"' in html
    assert '<path d="M' in html

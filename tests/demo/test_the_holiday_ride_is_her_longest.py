"""The records engine finds the story's personal best by itself: her longest ride, not his."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_django import DjangoDbBlocker

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.demo.chapters import HER, HIM
from saathi.demo.load import load_demo
from saathi.records.models import Kind, Milestone
from tests.demo.loading import TODAY, shared_by_the_module
from tests.feed.entries import feed_of, next_link


@pytest.fixture(scope="module")
def _four_months_of_the_module(
    django_db_setup: None, django_db_blocker: DjangoDbBlocker, demo_media: Path
) -> Iterator[None]:
    # Long enough for her build-up to ~40-45 km and his rides past 65 km before the holiday.
    def load() -> None:
        load_demo(today=TODAY, days=120, say=lambda line: None)

    with shared_by_the_module(django_db_blocker, demo_media, load):
        yield


@pytest.fixture
def four_months(_four_months_of_the_module: None, db: None) -> None:
    """Four months of the demo, loaded once for this module (tests/demo/loading.py)."""


def test_the_holiday_ride_is_her_longest_ride_so_far(four_months: None) -> None:
    ride = Activity.objects.get(owner__handle=HER.handle, title="Baramulla to Uri")
    longest = Milestone.objects.get(activity=ride, kind=Kind.LONGEST)
    assert longest.previous_value is not None
    assert 40_000 <= longest.previous_value < 46_000
    assert longest.previous_activity is not None and longest.previous_activity.sport == "ride"


def test_it_is_not_his(four_months: None) -> None:
    ride = Activity.objects.get(owner__handle=HIM.handle, title="Baramulla to Uri")
    assert not Milestone.objects.filter(activity=ride, kind=Kind.LONGEST).exists()
    rides = Activity.objects.filter(owner=ride.owner, sport="ride")
    earlier = rides.filter(start_time__lt=ride.start_time)
    assert earlier.filter(distance_m__gt=ride.distance_m).exists()


def test_his_feed_shows_her_longest_ride_on_their_rides_entry(four_months: None) -> None:
    # The outing's entry is his ride (his own, in his feed); her record is on it, saying whose.
    kabir = User.objects.get(handle=HIM.handle)
    html, words = feed_of(kabir), ""
    while "Baramulla to Uri" not in words:
        words = " ".join(re.sub(r"<[^>]+>", " ", html).split())
        link = next_link(html)
        if "Baramulla to Uri" in words or link is None:
            break
        html = feed_of(kabir, link)
    assert re.search(r"Meera Sehgal: 6\d\.\d km — longest ride so far, previous 4\d\.\d km", words)
    assert re.search(r"You and Meera Sehgal rode 6\d\.\d km together", words)

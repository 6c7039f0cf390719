"""The records engine finds the story's personal best by itself: her longest ride, not his."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_django import DjangoDbBlocker

from saathi.activities.models import Activity
from saathi.demo.chapters import HER, HIM
from saathi.demo.load import load_demo
from saathi.records.models import Kind, Milestone
from tests.demo.loading import TODAY, shared_by_the_module


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

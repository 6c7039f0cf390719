"""Judging one activity at a time, in any order, with deletes and edits between, leaves
exactly what judging the whole history from scratch gives."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from saathi.accounts.models import User
from saathi.activities.changes import delete_activity, edit_activity
from saathi.activities.models import Activity, Source
from saathi.records.records import forget, judge, rebuild
from tests.records.history import local, stored

SPORTS = ["ride", "run", "yoga", "hike"]


def _random_activity(owner: User, rng: random.Random) -> Activity:
    sport = rng.choice(SPORTS)
    # A few share a start to the second: ties are judged by id.
    start = local("2023-01-01 06:00") + timedelta(days=rng.randrange(0, 900))
    start += timedelta(minutes=rng.choice([0, 0, 330, 1095]))
    distance = None if sport == "yoga" else rng.choice([None, *range(1000, 60000, 2500)])
    efforts = {}
    if sport == "run" and distance:
        efforts = {
            n: rng.randrange(200, 400) * m
            for n, m in (("1k", 1), ("5k", 5))
            if distance >= m * 1000
        }
    curve = (
        {"5": float(rng.randrange(200, 600)), "1200": float(rng.randrange(100, 300))}
        if sport == "ride" and rng.random() < 0.5
        else {}
    )
    activity = Activity.objects.create(
        owner=owner,
        sport=sport,
        title="x",
        source=Source.MANUAL,
        start_time=start,
        timezone="Asia/Kolkata",
        local_date=start.date(),
        distance_m=distance,
        moving_s=float(rng.randrange(600, 7200, 600)),
        ascent_m=rng.choice([None, 0.0, 40.0, 120.0, 300.0, 300.0]),
        best_efforts=efforts,
        power_curve=curve,
    )
    judge(activity)
    return activity


@pytest.mark.parametrize("seed", range(6))
def test_any_order_of_imports_deletes_and_edits_ends_as_a_rebuild(owner: User, seed: int) -> None:
    rng = random.Random(seed)
    alive: list[Activity] = []
    for _ in range(70):
        roll = rng.random()
        if roll < 0.65 or len(alive) < 3:
            alive.append(_random_activity(owner, rng))
        elif roll < 0.8:
            delete_activity(alive.pop(rng.randrange(len(alive))))
        elif roll < 0.9:
            edit_activity(rng.choice(alive), sport=rng.choice(SPORTS))
        else:
            activity = rng.choice(alive)
            forget(activity)
            activity.distance_m = rng.choice([None, 5000.0, 30000.0, 70000.0])
            activity.save()
            judge(activity)
        incremental = stored(owner)
        rebuild(owner.pk)
        rebuilt = stored(owner)
        assert (rebuilt[0] - incremental[0], incremental[0] - rebuilt[0]) == (set(), set()), roll
        assert (rebuilt[1] - incremental[1], incremental[1] - rebuilt[1]) == (set(), set()), roll

"""Two imports of one person's rides at once (two workers, `saathi import --jobs 2`): the
second judges against what the first committed, so nothing is judged twice or missed."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections, transaction

from saathi.accounts.models import User
from saathi.activities.models import Activity, Source
from saathi.records.records import judge, rebuild
from tests.records.history import local, stored
from tests.services import postgres_url


@pytest.mark.postgres
def test_two_rides_judged_at_the_same_moment_end_as_a_rebuild(transactional_db: None) -> None:
    postgres_url()  # SQLite's one writer at a time races nothing
    owner = User.objects.create_user("asha", "asha@example.org", time_zone="Asia/Kolkata")
    both_saved = threading.Barrier(2, timeout=10)
    failures: list[BaseException] = []

    def ride(km: float, day: int) -> None:
        try:
            with transaction.atomic():
                start = local("2025-08-01 07:00") + timedelta(days=day)
                activity = Activity.objects.create(
                    owner=owner,
                    sport="ride",
                    title=f"{km} km",
                    source=Source.MANUAL,
                    start_time=start,
                    timezone="Asia/Kolkata",
                    local_date=start.date(),
                    distance_m=km * 1000,
                    moving_s=3600.0,
                )
                both_saved.wait()  # each has its ride in, unseen by the other
                judge(activity)
        except BaseException as error:  # reported below, from the test's own thread
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=ride, args=args) for args in ((40, 1), (60, 0))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not failures
    judged = stored(owner)
    rebuild(owner.pk)
    assert stored(owner) == judged
    records, milestones = judged
    assert len({row[2] for row in records if row[1] == "distance"}) == 1  # the 60 km only
    assert sum(1 for row in milestones if row[2] == "first") == 1
    assert connection.vendor == "postgresql"

"""What deleting an account costs: queries and time for one person's whole history.

    python bench/account_deletion.py                    # SQLite, then PostgreSQL if it answers
    python bench/account_deletion.py --sqlite-only --size 2000

Three people get the same history of --size entries (the mix of bench/records.py, through
create_manual_activity, each judged as it comes) plus the real FIT and GPX files of
tests/data imported through import_inline, so they hold stored originals,
streams, records and milestones. One is deleted through delete_account; the other by
deleting each activity through Activity.delete as an activity page does (records judged
again after each removal), then the rest; the third through Activity.delete one by one,
its records and milestones deleted first so none is judged again (delete_account's first
version): what each way costs in one request.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Any

from harness import TESTDATA, on_each_database
from records import plan


def build(person: Any, size: int) -> None:
    from saathi.activities.imports import import_inline
    from saathi.activities.manual import create_manual_activity

    for item in plan(size):
        create_manual_activity(owner=person, **item)
    for path in sorted([*TESTDATA.glob("fit/*.fit"), *TESTDATA.glob("gpx/*.gpx")]):
        import_inline(owner=person, name=path.name, data=path.read_bytes())


def run(size: int) -> dict[str, Any]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from saathi.accounts.deletion import belongings, delete_account
    from saathi.accounts.models import User
    from saathi.activities.models import Activity, ImportJob

    call_command("migrate", verbosity=0)
    handles = ("quick", "slow", "bulk")
    people = [User.objects.create_user(h, f"{h}@example.org") for h in handles]
    for person in people:
        build(person, size)
    counted = belongings(people[0])

    def measured(work: Any) -> tuple[int, float]:
        queries = 0

        def count(execute: Any, *args: Any) -> Any:
            nonlocal queries
            queries += 1
            return execute(*args)

        started = time.perf_counter()
        with connection.execute_wrapper(count), transaction.atomic():
            work()
        return queries, time.perf_counter() - started

    def one_by_one(person: Any) -> None:
        for activity in Activity.objects.owned_by(person):
            activity.delete()
        for job in ImportJob.objects.filter(owner=person):
            job.delete()
        User.objects.filter(pk=person.pk).delete()

    def unjudged(person: Any) -> None:
        from django.db.models import Model, Q

        from saathi.records.models import Milestone, Record

        Record.objects.filter(owner=person).delete()
        Milestone.objects.filter(owner=person).delete()
        for activity in Activity.objects.owned_by(person):
            # Activity.delete without its judging: its jobs, then the row.
            for job in ImportJob.objects.filter(Q(activity=activity) | Q(duplicate_of=activity)):
                job.delete()
            Model.delete(activity)
        for job in ImportJob.objects.filter(owner=person):
            job.delete()
        User.objects.filter(pk=person.pk).delete()

    quick = measured(lambda: delete_account(user=people[0]))
    slow = measured(lambda: one_by_one(people[1]))
    unjudged_ = measured(lambda: unjudged(people[2]))
    return {
        "database": connection.vendor,
        "activities": counted.activities,
        "originals": counted.originals,
        "badges": counted.badges,
        "delete_account": quick,
        "one_by_one": slow,
        "unjudged": unjudged_,
        "load": os.getloadavg()[0],
    }


def report(label: str, result: dict[str, Any]) -> str:
    (q1, s1), (q2, s2) = result["delete_account"], result["one_by_one"]
    q3, s3 = result["unjudged"]
    return (
        f"{label} (load average {result['load']:.1f} on {os.cpu_count()} cores): "
        f"{result['activities']:,} activities, {result['originals']} originals, "
        f"{result['badges']:,} milestones\n"
        f"  delete_account: {q1:,} queries, {s1:.2f} s | "
        f"each activity through Activity.delete, judged again: {q2:,} queries, {s2:.2f} s | "
        f"each through Activity.delete, records and milestones deleted first and not judged: "
        f"{q3:,} queries, {s3:.2f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run(args.size)))
        return 0
    arguments = ["--size", str(args.size)]
    for label, result in on_each_database(__file__, arguments, sqlite_only=args.sqlite_only):
        print(report(label, result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

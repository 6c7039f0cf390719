"""What deleting an account costs: queries and time for one person's whole history, and
the worker's time to remove their stored files afterwards.

    python bench/account_deletion.py                    # SQLite, then PostgreSQL if it answers
    python bench/account_deletion.py --sqlite-only --size 2000

Two people get the same history of --size entries (the mix of bench/records.py, through
create_manual_activity, each judged as it comes) plus the real FIT and GPX files of
tests/data imported through import_inline, so they hold stored originals, streams,
records and milestones. One is deleted through delete_account (one cascade in one
transaction, as the settings page does); the other by deleting each activity through
delete_activities, records handed back after each, as deleting them one by one from
their pages would, then the person. The stored files are removed by the background job
the commit queues (saathi/system/files.py): timed apart, as the worker runs it.
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
    from huey.contrib.djhuey import HUEY

    from saathi.accounts.deletion import delete_account
    from saathi.accounts.models import User
    from saathi.activities.changes import delete_activities
    from saathi.activities.models import Activity
    from saathi.pages.account_deletion import belongings

    call_command("migrate", verbosity=0)
    HUEY.immediate = False  # the removal job waits in the queue, as for a real worker
    handles = ("whole", "each")
    people = [User.objects.create_user(h, f"{h}@example.org") for h in handles]
    for person in people:
        build(person, size)
    HUEY.flush()
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

    def worker() -> tuple[int, float]:
        """Run the queued removal jobs as the consumer would: files removed, seconds."""
        removed, started = 0, time.perf_counter()
        while (task := HUEY.dequeue()) is not None:
            removed += HUEY.execute(task) or 0
        return removed, time.perf_counter() - started

    def each(person: Any) -> None:
        delete_activities(Activity.objects.owned_by(person))
        User.objects.filter(pk=person.pk).delete()

    whole = measured(lambda: delete_account(user=people[0]))
    whole_files = worker()
    one_by_one = measured(lambda: each(people[1]))
    worker()
    return {
        "database": connection.vendor,
        "activities": counted.activities,
        "originals": counted.originals,
        "badges": counted.badges,
        "delete_account": whole,
        "files": whole_files,
        "one_by_one": one_by_one,
        "load": os.getloadavg()[0],
    }


def report(label: str, result: dict[str, Any]) -> str:
    (q1, s1), (q2, s2) = result["delete_account"], result["one_by_one"]
    removed, seconds = result["files"]
    return (
        f"{label} (load average {result['load']:.1f} on {os.cpu_count()} cores): "
        f"{result['activities']:,} activities, {result['originals']} originals, "
        f"{result['badges']:,} milestones\n"
        f"  delete_account: {q1:,} queries, {s1:.2f} s in the request; then the worker "
        f"removed {removed} files in {seconds:.2f} s | "
        f"each activity through delete_activities, judged again: {q2:,} queries, {s2:.2f} s"
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

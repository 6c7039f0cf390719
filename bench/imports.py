"""How fast whole files become activities: store the original, read, compute, save.

    python bench/imports.py                     # SQLite, then PostgreSQL if it answers
    python bench/imports.py --count 200 --sqlite-only --jobs 2   # two reader processes
    python bench/imports.py --profile           # where the time goes (cProfile, SQLite)

Every real file of tests/data (fit/, gpx/, tcx/, the Strava export) goes through
`import_inline` — the path of `saathi import`: receive_upload stores the original, then
run_import reads, computes and saves in one transaction — once per user, with as many
users as it takes to reach --count activities (a different owner makes the same bytes
a new activity, not a duplicate). Each database is fresh: a temporary data dir for
SQLite and media, a temporary database on the PostgreSQL server (dropped afterwards).
Prints activities per minute and track points per second, and the share of the time
spent reading, computing, packing streams and saving.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from harness import on_each_database

from tests.paths import REAL_FILES  # found once harness put the repository on sys.path

GOAL_PER_MINUTE = 500  # 1,000 activities in under 2 minutes (docs/performance.md, "Import")


# ---------------------------------------------------------------------------
# One run, in a process of its own (settings are read once, from the environment)
# ---------------------------------------------------------------------------


class Stopwatch:
    """Time spent inside chosen functions, found by wrapping them where they are called."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def wrap(self, owner: Any, attribute: str, label: str) -> None:
        inner: Callable[..., Any] = getattr(owner, attribute)

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                self.seconds[label] += time.perf_counter() - started

        setattr(owner, attribute, timed)


# Filled before the readers fork, so each forked process has them without pickling.
FILES: list[tuple[str, bytes]] = []
WATCH = Stopwatch()


def import_one(item: tuple[int, int]) -> tuple[list[str], dict[str, float]]:
    """One file for one user, through the whole path; its jobs' states and timings."""
    from saathi.accounts.models import User
    from saathi.activities.imports import import_inline

    user_pk, index = item
    name, data = FILES[index]
    jobs = import_inline(owner=User.objects.get(pk=user_pk), name=name, data=data)
    parts = dict(WATCH.seconds)
    WATCH.seconds.clear()
    return [job.state for job in jobs], parts


def _cpu() -> float:
    """CPU seconds of this process and of the readers it has waited for."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run(count: int, profile: bool, jobs: int) -> dict[str, Any]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, connections

    from saathi.accounts.models import User
    from saathi.activities import imports, summary
    from saathi.activities.models import Activity, ActivityStreams, JobState
    from saathi.tracks import read

    call_command("migrate", verbosity=0)
    FILES[:] = [(path.name, path.read_bytes()) for path in REAL_FILES]
    users = [
        User.objects.create_user(f"bench{n}", f"bench{n}@example.org", time_zone="Asia/Kolkata")
        for n in range(-(-count // len(FILES)))
    ]
    work = [(user.pk, index) for user in users for index in range(len(FILES))][:count]
    WATCH.wrap(read, "read_track", "read")
    WATCH.wrap(summary, "compute", "figures")
    WATCH.wrap(summary, "pack", "pack streams")
    WATCH.wrap(imports, "_store", "store original")
    WATCH.wrap(Activity, "save", "save activity")
    WATCH.wrap(ActivityStreams, "save", "save streams")

    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    connections.close_all()  # each forked reader opens its own
    started, cpu_started = time.perf_counter(), _cpu()
    if jobs > 1:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            outcomes = list(pool.map(import_one, work, chunksize=4))
    else:
        outcomes = [import_one(item) for item in work]
    elapsed, cpu = time.perf_counter() - started, _cpu() - cpu_started
    if profiler is not None:
        import pstats

        profiler.disable()
        order = os.environ.get("BENCH_SORT", "cumulative")  # or tottime
        pstats.Stats(profiler, stream=sys.stderr).sort_stats(order).print_stats(30)
    states: dict[str, int] = defaultdict(int)
    parts: dict[str, float] = defaultdict(float)
    for job_states, timings in outcomes:
        for state in job_states:
            states[state] += 1
        for part, seconds in timings.items():
            parts[part] += seconds / jobs

    points = sum(Activity.objects.values_list("points", flat=True))
    return {
        "database": connection.vendor,
        "activities": states[JobState.DONE],
        "failed": states[JobState.FAILED],
        "duplicates": states[JobState.DUPLICATE],
        "seconds": elapsed,
        "cpu_seconds": cpu,
        "load": os.getloadavg()[0],
        "points": points,
        "parts": dict(parts),
        "jobs": jobs,
        "stream_bytes": sum(
            len(bytes(d)) for d in ActivityStreams.objects.values_list("data", flat=True)
        ),
    }


# ---------------------------------------------------------------------------
# The driver: one child process per database (bench/harness.py)
# ---------------------------------------------------------------------------


def report(label: str, result: dict[str, Any]) -> str:
    per_minute = result["activities"] / result["seconds"] * 60
    parts = ", ".join(
        f"{part} {seconds / result['seconds']:.0%}"
        for part, seconds in sorted(result["parts"].items(), key=lambda item: -item[1])
    )
    verdict = "meets" if per_minute >= GOAL_PER_MINUTE else "MISSES"
    return (
        f"{label}: {result['activities']} activities ({result['failed']} failed, "
        f"{result['duplicates']} duplicates) in {result['seconds']:.1f} s = "
        f"{per_minute:,.0f} activities/min, {result['points'] / result['seconds']:,.0f} "
        f"points/s; {verdict} the goal of {GOAL_PER_MINUTE}/min\n"
        f"  {result['jobs']} reader process(es), CPU {result['cpu_seconds']:.1f} s = "
        f"{result['activities'] / result['cpu_seconds'] * 60:,.0f} activities per CPU-minute "
        f"(load average {result['load']:.1f} on {os.cpu_count()} cores)\n"
        f"  time: {parts}\n"
        f"  streams: {result['stream_bytes'] / max(result['points'], 1):.1f} bytes/point "
        f"over {result['points']:,} points"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--profile", action="store_true", help="cProfile to stderr")
    parser.add_argument("--jobs", type=int, default=1, help="reader processes (fork)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run(args.count, args.profile, args.jobs)))
        return 0
    print(f"{len(REAL_FILES)} real files, repeated to {args.count} activities")
    arguments = ["--count", str(args.count), "--jobs", str(args.jobs)]
    arguments += ["--profile"] if args.profile else []
    for label, result in on_each_database(__file__, arguments, sqlite_only=args.sqlite_only):
        print(report(label, result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

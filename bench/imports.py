"""How fast whole files become activities: store the original, read, compute, save.

    python bench/imports.py                     # SQLite, then PostgreSQL if it answers
    python bench/imports.py --count 200 --sqlite-only
    python bench/imports.py --profile           # where the time goes (cProfile, SQLite)

Every real file of ../shared/testdata (fit/, gpx/, tcx/, the Strava export) goes through
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
import os
import secrets
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TESTDATA = ROOT.parent / "shared" / "testdata"
POSTGRES_SERVER = os.environ.get("SAATHI_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
GOAL_PER_MINUTE = 500  # issue 4: 1,000 activities in under 2 minutes

sys.path.insert(0, str(ROOT))


def real_files() -> list[Path]:
    return sorted(
        [
            *(TESTDATA / "fit").glob("*.fit"),
            *(TESTDATA / "gpx").glob("*.gpx*"),
            *(TESTDATA / "tcx").glob("*.tcx"),
            *(TESTDATA / "strava_export_min" / "activities").glob("*"),
        ]
    )


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


def run(count: int, profile: bool) -> dict[str, Any]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from saathi.accounts.models import User
    from saathi.activities import imports, summary
    from saathi.activities.models import Activity, ActivityStreams, JobState
    from saathi.tracks import read

    call_command("migrate", verbosity=0)
    files = [(path.name, path.read_bytes()) for path in real_files()]
    users = [
        User.objects.create_user(f"bench{n}", f"bench{n}@example.org", time_zone="Asia/Kolkata")
        for n in range(-(-count // len(files)))
    ]
    work = [(user, name, data) for user in users for name, data in files][:count]

    watch = Stopwatch()
    watch.wrap(read, "read_track", "read")
    watch.wrap(summary, "compute", "figures")
    watch.wrap(summary, "pack", "pack streams")
    watch.wrap(imports, "_store", "store original")
    watch.wrap(Activity, "save", "save activity")
    watch.wrap(ActivityStreams, "save", "save streams")

    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    started, cpu_started = time.perf_counter(), time.process_time()
    states: dict[str, int] = defaultdict(int)
    for user, name, data in work:
        for job in imports.import_inline(owner=user, name=name, data=data):
            states[job.state] += 1
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    if profiler is not None:
        import pstats

        profiler.disable()
        order = os.environ.get("BENCH_SORT", "cumulative")  # or tottime
        pstats.Stats(profiler, stream=sys.stderr).sort_stats(order).print_stats(30)

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
        "parts": dict(watch.seconds),
        "stream_bytes": sum(
            len(bytes(d)) for d in ActivityStreams.objects.values_list("data", flat=True)
        ),
    }


# ---------------------------------------------------------------------------
# The driver: one child process per database
# ---------------------------------------------------------------------------


def child(env: dict[str, str], count: int, profile: bool) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", "--count", str(count)]
        + (["--profile"] if profile else []),
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def environment(data_dir: str, database_url: str = "") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAATHI_")}
    env.update(
        DJANGO_SETTINGS_MODULE="saathi.config.settings",
        SAATHI_DATA_DIR=data_dir,
        SAATHI_LOG_LEVEL="error",
    )
    if database_url:
        env["SAATHI_DATABASE_URL"] = database_url
    return env


def on_postgres(count: int, profile: bool) -> dict[str, Any] | None:
    import psycopg

    name = f"saathi_bench_{secrets.token_hex(4)}"
    try:
        admin = psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        print(f"PostgreSQL: skipped, no server at {POSTGRES_SERVER} ({error})", file=sys.stderr)
        return None
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            with tempfile.TemporaryDirectory() as data_dir:
                return child(environment(data_dir, f"{POSTGRES_SERVER}/{name}"), count, profile)
        finally:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


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
        f"  this process's CPU: {result['cpu_seconds']:.1f} s = "
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
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run(args.count, args.profile)))
        return 0
    print(f"{len(real_files())} real files, repeated to {args.count} activities")
    with tempfile.TemporaryDirectory() as data_dir:
        print(report("SQLite", child(environment(data_dir), args.count, args.profile)))
    if not args.sqlite_only:
        result = on_postgres(args.count, args.profile)
        if result is not None:
            print(report("PostgreSQL", result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

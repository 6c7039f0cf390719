"""Server time of the stats page for a person with 10,000 activities (goal: under 200 ms).

    python bench/stats_page.py                   # SQLite, then PostgreSQL if it answers
    python bench/stats_page.py --activities 2000 --requests 10 --sqlite-only
    python bench/stats_page.py --profile         # where the time goes (cProfile, SQLite)

A user in Asia/Kolkata gets --activities entries through the normal creation path
(`create_manual_activity`, with whatever it does besides saving): about ten years of
morning yoga, rides, runs, walks and swims, seeded so every run makes the same history.
The stats page (all sports, this year) and one sport's page (rides) are then fetched
through Django's test client — middleware, view, queries, template; no network — once
to warm up and --requests times each; the median wall and CPU time and the number of
queries are printed. Each database is fresh: a temporary data dir for SQLite, a
temporary database on the PostgreSQL server (dropped afterwards), analysed once filled.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from typing import Any

from harness import on_each_database, plain_static_storage

GOAL_MS = 200.0
PAGES = {"all sports": "/stats/", "rides": "/stats/?sport=ride"}

# (sport, share of the activities, minutes, km per hour or None) for a decade of habits.
HABITS = [
    ("yoga", 0.45, (7, 20), None),
    ("ride", 0.25, (45, 300), (18, 28)),
    ("run", 0.18, (25, 110), (8, 13)),
    ("walk", 0.08, (30, 90), (4, 6)),
    ("pool_swim", 0.04, (30, 60), (2, 3.5)),
]


def history(count: int, today: date) -> list[dict[str, Any]]:
    """`count` activities spread over ten years to `today`, the same for a given count."""
    chance = random.Random(2026)
    first = today - timedelta(days=3650)
    sports = [habit[0] for habit in HABITS]
    weights = [habit[1] for habit in HABITS]
    out = []
    for _ in range(count):
        sport, _share, minutes, speed = HABITS[sports.index(chance.choices(sports, weights)[0])]
        day = first + timedelta(days=chance.randrange(3650))
        hour = 6 if sport == "yoga" else chance.choice((6, 7, 17, 18))
        duration = chance.uniform(*minutes) * 60
        figures: dict[str, Any] = {}
        if speed is not None:
            figures["distance_m"] = round(duration / 3600 * chance.uniform(*speed) * 1000)
            figures["ascent_m"] = round(figures["distance_m"] * chance.uniform(0, 0.015))
        out.append(
            {
                "sport": sport,
                "start": datetime.combine(day, datetime.min.time()).replace(
                    hour=hour, minute=chance.randrange(60)
                ),
                "duration_s": round(duration),
                **figures,
            }
        )
    return out


def run(count: int, requests: int, profile: bool) -> dict[str, Any]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from saathi.accounts.models import User
    from saathi.activities.manual import create_manual_activity
    from saathi.progress.models import Goal

    plain_static_storage()
    call_command("migrate", verbosity=0)
    owner = User.objects.create_user("bench", "bench@example.org", time_zone="Asia/Kolkata")
    started = time.perf_counter()
    for entry in history(count, owner.today()):
        create_manual_activity(owner=owner, **entry)
    created_s = time.perf_counter() - started
    with connection.cursor() as cursor:
        # What autovacuum (PostgreSQL) does after a burst of inserts: without statistics
        # the planner takes 10,000 rows for a handful and sorts where it would hash.
        cursor.execute("ANALYZE")
    for period, measure, target in (("year", "distance", 3e6), ("week", "count", 5)):
        Goal.objects.create(owner=owner, sport="", period=period, measure=measure, target=target)

    client = Client()
    client.force_login(owner)
    pages: dict[str, Any] = {}
    for name, url in PAGES.items():
        assert client.get(url).status_code == 200  # warm-up
        walls, cpus = [], []
        for _ in range(requests):
            cpu, wall = time.process_time(), time.perf_counter()
            response = client.get(url)
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        pages[name] = {
            "wall_ms": statistics.median(walls),
            "cpu_ms": statistics.median(cpus),
            "best_ms": min(walls),
            "queries": len(queries.captured_queries),
            "kb": len(response.content) / 1024,
        }
    if profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(requests):
            client.get(PAGES["all sports"])
        profiler.disable()
        order = os.environ.get("BENCH_SORT", "cumulative")
        pstats.Stats(profiler, stream=sys.stderr).sort_stats(order).print_stats(30)
    return {
        "database": connection.vendor,
        "activities": count,
        "created_s": created_s,
        "load": os.getloadavg()[0],
        "pages": pages,
    }


# ---------------------------------------------------------------------------
# The driver: one child process per database (bench/harness.py)
# ---------------------------------------------------------------------------


def report(label: str, result: dict[str, Any], requests: int) -> str:
    lines = [
        f"{label}: {result['activities']:,} activities created in {result['created_s']:.0f} s "
        f"(load average {result['load']:.1f} on {os.cpu_count()} cores); "
        f"median of {requests} requests after a warm-up:"
    ]
    for name, page in result["pages"].items():
        verdict = "meets" if page["wall_ms"] < GOAL_MS else "MISSES"
        lines.append(
            f"  {name:11}  wall {page['wall_ms']:6.1f} ms (best {page['best_ms']:6.1f})"
            f"  cpu {page['cpu_ms']:6.1f} ms  {page['queries']} queries"
            f"  {page['kb']:,.0f} KB; {verdict} the goal of {GOAL_MS:.0f} ms"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=15)
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--profile", action="store_true", help="cProfile to stderr")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        print(json.dumps(run(options.activities, options.requests, options.profile)))
        return 0
    arguments = ["--activities", str(options.activities), "--requests", str(options.requests)]
    arguments += ["--profile"] if options.profile else []
    for label, result in on_each_database(__file__, arguments, sqlite_only=options.sqlite_only):
        print(report(label, result, options.requests))
    return 0


if __name__ == "__main__":
    sys.exit(main())

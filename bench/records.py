"""What records and milestones cost as a history grows: queries and time per import.

    python bench/records.py                  # SQLite, then PostgreSQL if it answers
    python bench/records.py --sqlite-only --size 2000

One person's history of --size activities (10,000 by default: runs, rides, walks,
hikes, yoga and strength over ten years) is entered through create_manual_activity, the
path of the "Log" page, in shuffled order as an archive would arrive, each one judged as
it comes. At 100, 1,000 and 10,000 activities it measures, with
CaptureQueriesContext around judge() and forget() alone:
  - a new entry, the newest of its sport (the everyday case);
  - a real FIT ride from tests/data imported through import_inline (store the
    original, read, compute, save, judge), which falls in the middle of the history,
    so the later rides are judged again; its whole import is timed too;
  - deleting that ride again (forget).
Each database is fresh: a temporary data dir for SQLite, a temporary database on the
PostgreSQL server (dropped afterwards).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from harness import TESTDATA, on_each_database

RIDE = TESTDATA / "fit" / "2019-02-17-062644-ELEMNT-297E-195-0.fit"  # 78.9 km, Feb 2019
CHECKPOINTS = (100, 1000, 10000)
REPEAT = 5  # each measure's median of this many

# Sport, share of the history, typical km (none for yoga and strength), minutes.
MIX = [
    ("run", 0.35, 8.0, 45),
    ("ride", 0.25, 30.0, 90),
    ("walk", 0.10, 5.0, 60),
    ("hike", 0.05, 12.0, 240),
    ("yoga", 0.20, None, 20),
    ("strength", 0.05, None, 45),
]


def plan(size: int, seed: int = 5) -> list[dict[str, Any]]:
    """`size` entries over the ten years before now, shuffled."""
    rng = random.Random(seed)
    end = datetime.now().replace(microsecond=0) - timedelta(days=2)
    sports, weights = [m[0] for m in MIX], [m[1] for m in MIX]
    typical = {m[0]: m[2:] for m in MIX}
    entries = []
    for _ in range(size):
        sport = rng.choices(sports, weights)[0]
        km, minutes = typical[sport]
        scale = rng.lognormvariate(0, 0.35)
        entries.append(
            {
                "sport": sport,
                "start": end - timedelta(minutes=rng.randrange(0, 10 * 365 * 24 * 60)),
                "duration_s": round(minutes * 60 * scale),
                "distance_m": round(km * 1000 * scale * rng.uniform(0.9, 1.1)) if km else None,
                "ascent_m": round(rng.expovariate(1 / 150)) if km else None,
            }
        )
    return entries


class Meter:
    """Queries and seconds spent inside chosen functions, found by wrapping them."""

    def __init__(self) -> None:
        self.queries: dict[str, int] = defaultdict(int)
        self.seconds: dict[str, float] = defaultdict(float)

    def wrap(self, owner: Any, attribute: str, label: str) -> None:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        inner: Callable[..., Any] = getattr(owner, attribute)

        def measured(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            connection.queries_log.clear()  # it keeps 9,000: a full log counts nothing new
            with CaptureQueriesContext(connection) as captured:
                result = inner(*args, **kwargs)
            self.seconds[label] += time.perf_counter() - started
            self.queries[label] += len(captured)
            return result

        setattr(owner, attribute, measured)

    def take(self) -> tuple[dict[str, int], dict[str, float]]:
        taken = dict(self.queries), dict(self.seconds)
        self.queries.clear()
        self.seconds.clear()
        return taken


def run(size: int) -> dict[str, Any]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from saathi.accounts.models import User
    from saathi.activities import imports, manual, models
    from saathi.activities.imports import import_inline
    from saathi.activities.manual import create_manual_activity
    from saathi.records.models import Milestone, Record

    call_command("migrate", verbosity=0)
    person = User.objects.create_user("bench", "bench@example.org", time_zone="Asia/Kolkata")
    meter = Meter()
    # Each caller imported judge/forget by name: wrapped where they call them.
    meter.wrap(imports, "judge", "judge")
    meter.wrap(manual, "judge", "judge")
    import saathi.records.records as records

    meter.wrap(records, "forget", "forget")
    del models  # Activity.delete imports forget from records at call time
    ride = RIDE.read_bytes()
    # The first import pays for loading the track engine: not part of any checkpoint.
    stranger = User.objects.create_user("warmup", "warmup@example.org")
    import_inline(owner=stranger, name=RIDE.name, data=ride)
    results: dict[str, Any] = {"database": connection.vendor, "checkpoints": [], "built": {}}
    entries, done, building = plan(size), 0, 0.0
    for checkpoint in [c for c in CHECKPOINTS if c <= size]:
        started = time.perf_counter()
        for item in entries[done:checkpoint]:
            create_manual_activity(owner=person, **item)
        building += time.perf_counter() - started
        done = checkpoint
        results["built"][checkpoint] = building
        meter.take()
        samples: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for _ in range(REPEAT):
            newest = create_manual_activity(
                owner=person,
                sport="ride",
                start=datetime.now() - timedelta(hours=2),
                duration_s=3600,
                distance_m=25000,
            )
            newest.delete()
            queries, seconds = meter.take()
            for step, label in (("judge", "newest entry"), ("forget", "newest deleted")):
                samples[label].append((queries[step], seconds[step]))
            import_started = time.perf_counter()
            [job] = import_inline(owner=person, name=RIDE.name, data=ride)
            samples["whole import"].append((0, time.perf_counter() - import_started))
            assert job.activity is not None, job.error
            job.activity.delete()
            queries, seconds = meter.take()
            for step, label in (("judge", "FIT import"), ("forget", "FIT deleted")):
                samples[label].append((queries[step], seconds[step]))
        results["checkpoints"].append(
            {
                "history": checkpoint,
                **{
                    label: [max(q for q, _ in found), statistics.median(s for _, s in found)]
                    for label, found in samples.items()
                },
                "records": Record.objects.count(),
                "milestones": Milestone.objects.count(),
            }
        )
    results["load"] = os.getloadavg()[0]
    return results


def report(label: str, result: dict[str, Any]) -> str:
    lines = [f"{label} (load average {result['load']:.1f} on {os.cpu_count()} cores)"]
    lines.append(
        "  history | newest entry: judge | deleted: forget | FIT ride of Feb 2019: judge "
        "| whole import | deleted: forget | records, milestones | history entered in"
    )
    for c in result["checkpoints"]:
        cells = [f"{c['history']:>7,}"]
        for name in ("newest entry", "newest deleted", "FIT import"):
            queries, seconds = c[name]
            cells.append(f"{queries} queries {seconds * 1000:.1f} ms")
        cells.append(f"{c['whole import'][1] * 1000:,.0f} ms")
        queries, seconds = c["FIT deleted"]
        cells.append(f"{queries} queries {seconds * 1000:.1f} ms")
        cells.append(f"{c['records']:,}, {c['milestones']:,}")
        cells.append(f"{result['built'][str(c['history'])]:,.1f} s")
        lines.append("  " + " | ".join(cells))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=CHECKPOINTS[-1])
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

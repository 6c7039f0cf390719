"""What finding same-outing candidates costs as the history grows: one new import among
1,000 people and 10,000 to 1,000,000 activities.

    python bench/outings.py                      # PostgreSQL, then SQLite, to 100,000
    python bench/outings.py --sizes 10000,100000,1000000 --postgres-only

1,000 people live around Srinagar, in groups of ten friends (each partners with two of
the group and follows the rest, who follow back). Each goes out every third day on
average, mornings and evenings, for 30 to 120 minutes, on foot or by bike, wandering from
home; so a history of 10,000 activities spans a month, 1,000,000 eight years, and as many
people are out at any hour whatever its length. Footprints and tokens (a fix every 30 s
through saathi/tracks/together.py) go in with COPY on PostgreSQL, executemany on SQLite.

At each size, 50 new imports, each with a partner's recording of the same outing
planted beside it, are looked up with detection.candidates (who may be matched, the
(start, end) range, the shared tokens, the pairs already suggested or joined): the time
is the median of those lookups, the database's part of detection before any stream is
read; the planted companion must be among the candidates every time. It also prints how
many tokens an activity stores with five-minute slots and with one-minute ones.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from datetime import UTC, datetime
from typing import Any

import numpy as np
from harness import on_postgres, on_sqlite

PEOPLE = 1000
GROUP = 10
EVERY_DAYS = 3.0  # one activity per person every three days on average
STEP_S = 30.0
LAT0, LON0 = 34.08, 74.80
T_START = datetime(2018, 1, 1, tzinfo=UTC).timestamp()
LOOKUPS = 50
CHUNK = 50_000


def routes(
    rng: np.random.Generator, count: int, homes: np.ndarray, owners: np.ndarray, first_day: float
):
    """Start times, durations and positions (every STEP_S, NaN-padded) of `count` outings."""
    per_person_day = PEOPLE / EVERY_DAYS
    day = first_day + np.sort(rng.uniform(0, count / per_person_day, count))
    local_hour = np.where(
        rng.random(count) < 0.6, rng.uniform(6, 8, count), rng.uniform(17, 19, count)
    )
    start = T_START + np.floor(day) * 86400 + (local_hour - 5.5) * 3600
    minutes = rng.uniform(30, 120, count)
    speed = np.where(rng.random(count) < 0.7, 3.0, 7.0)
    steps = int(120 * 60 / STEP_S) + 1
    heading = rng.uniform(0, 2 * np.pi, (count, 1)) + np.cumsum(
        rng.normal(0, 0.25, (count, steps)), axis=1
    )
    metres = speed[:, None] * STEP_S
    x = np.cumsum(metres * np.cos(heading), axis=1)
    y = np.cumsum(metres * np.sin(heading), axis=1)
    alive = np.arange(steps)[None, :] * STEP_S <= minutes[:, None] * 60
    lat = homes[owners, 0][:, None] + y / 111_195
    lon = homes[owners, 1][:, None] + x / (111_195 * np.cos(np.radians(LAT0)))
    times = start[:, None] + np.arange(steps)[None, :] * STEP_S
    lat[~alive] = np.nan
    return start, minutes * 60, speed > 5, times, lat, lon


def unique_tokens(
    times: np.ndarray, lat: np.ndarray, lon: np.ndarray, slot_s: int
) -> tuple[np.ndarray, np.ndarray]:
    """(row index, token) pairs, each once per row."""
    from saathi.tracks.together import pack_tokens

    alive = np.isfinite(lat)
    rows = np.broadcast_to(np.arange(lat.shape[0])[:, None], lat.shape)[alive]
    found = pack_tokens(times[alive], lat[alive], lon[alive], slot_s)
    order = np.lexsort((found, rows))
    rows, found = rows[order], found[order]
    keep = np.ones(rows.size, dtype=bool)
    keep[1:] = (rows[1:] != rows[:-1]) | (found[1:] != found[:-1])
    return rows[keep], found[keep]


def copy_rows(table: str, columns: list[str], rows: Any) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", list(rows)
            )


def activity_columns() -> tuple[list[str], list[Any]]:
    """Every column of an activity and a template row: what a bulk load must fill."""
    from saathi.activities.models import Activity

    columns, values = [], []
    now = datetime.now(UTC)
    for field in Activity._meta.concrete_fields:
        if field.primary_key:
            columns.append(field.column)
            values.append(None)
            continue
        if field.has_default():
            value = field.get_default()
        elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            value = now
        else:
            value = None if field.null else ""
        if field.get_internal_type() == "JSONField" and value is not None:
            value = json.dumps(value)
        columns.append(field.column)
        values.append(value)
    return columns, values


class History:
    def __init__(self, seed: int = 12) -> None:
        self.rng = np.random.default_rng(seed)
        self.count = 0
        self.next_id = 1
        self.days = 0.0
        self.homes = np.column_stack(
            [
                LAT0 + self.rng.uniform(-0.18, 0.18, PEOPLE),
                LON0 + self.rng.uniform(-0.22, 0.22, PEOPLE),
            ]
        )
        self.columns, self.template = activity_columns()
        self.user_ids: list[int] = []
        self.tokens_5, self.tokens_1, self.sampled = 0, 0, 0

    def people(self) -> None:
        from django.utils.timezone import now

        from saathi.accounts.models import User
        from saathi.people.models import Follow, Partnership

        User.objects.bulk_create(
            [
                User(handle=f"runner{i:04d}", email=f"runner{i}@example.org", password="!")
                for i in range(PEOPLE)
            ]
        )
        self.user_ids = list(User.objects.order_by("pk").values_list("pk", flat=True))
        ids = self.user_ids
        follows, partners = [], []
        for group in range(0, PEOPLE, GROUP):
            members = ids[group : group + GROUP]
            for i, a in enumerate(members):
                partners.append(
                    Partnership(
                        asker_id=a,
                        answerer_id=members[(i + 1) % GROUP],
                        accepted=True,
                        accepted_at=now(),
                    )
                )
                follows += [
                    Follow(follower_id=a, followed_id=b, accepted=True) for b in members if b != a
                ]
        Partnership.objects.bulk_create(partners)
        Follow.objects.bulk_create(follows, batch_size=5000)

    def grow_to(self, size: int) -> None:
        from django.db.models import Max

        from saathi.activities.models import Activity

        # The lookups of the last size made activities of their own through the ORM.
        self.next_id = (Activity.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        while self.count < size:
            self._chunk(min(CHUNK, size - self.count))

    def _chunk(self, count: int) -> None:
        owners = self.rng.integers(0, PEOPLE, count)
        start, elapsed, bike, times, lat, lon = routes(
            self.rng, count, self.homes, owners, self.days
        )
        self.days += count / (PEOPLE / EVERY_DAYS)
        ids = np.arange(self.next_id, self.next_id + count)
        self.next_id += count
        self.count += count
        index = {c: i for i, c in enumerate(self.columns)}

        def activity_rows():
            for k in range(count):
                row = list(self.template)
                moment = datetime.fromtimestamp(float(start[k]), UTC)
                row[index["id"]] = int(ids[k])
                row[index["owner_id"]] = self.user_ids[int(owners[k])]
                row[index["sport"]] = "ride" if bike[k] else "run"
                row[index["title"]] = "Morning outing"
                row[index["start_time"]] = moment
                row[index["timezone"]] = "Asia/Kolkata"
                row[index["local_date"]] = moment.date()
                row[index["visibility"]] = "followers"
                row[index["elapsed_s"]] = float(elapsed[k])
                yield row

        copy_rows("activities_activity", self.columns, activity_rows())
        copy_rows(
            "together_footprint",
            ["activity_id", "owner_id", "start", '"end"', "on_bike"],
            (
                (
                    int(ids[k]),
                    self.user_ids[int(owners[k])],
                    datetime.fromtimestamp(float(start[k]), UTC),
                    datetime.fromtimestamp(float(start[k] + elapsed[k]), UTC),
                    bool(bike[k]),
                )
                for k in range(count)
            ),
        )
        rows, found = unique_tokens(times, lat, lon, 300)
        copy_rows(
            "together_outingtoken",
            ["activity_id", "token"],
            zip(ids[rows].tolist(), found.tolist(), strict=True),
        )
        if self.sampled < 20_000:
            self.tokens_5 += found.size
            self.tokens_1 += unique_tokens(times, lat, lon, 60)[1].size
            self.sampled += count

    def finish(self) -> None:
        from django.db import connection

        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT setval(pg_get_serial_sequence('activities_activity', 'id'), %s)",
                    [self.next_id],
                )
                cursor.execute("ANALYZE")
            else:
                cursor.execute("ANALYZE")


def lookups(history: History) -> dict[str, Any]:
    """LOOKUPS new imports, each with a planted partner's recording of the same outing."""
    from saathi.accounts.models import User
    from saathi.activities.models import Activity
    from saathi.together import footprints
    from saathi.together.detection import candidates
    from saathi.tracks.together import probe_tokens
    from saathi.tracks.track import Track

    rng = np.random.default_rng(history.count)
    seconds, found, planted_found = [], [], 0
    for _ in range(LOOKUPS):
        person = int(rng.integers(0, PEOPLE))
        partner = (person // GROUP) * GROUP + (person % GROUP + 1) % GROUP
        owners = np.array([person])
        start, _, _, times, lat, lon = routes(
            rng, 1, history.homes, owners, rng.uniform(0, history.days)
        )
        made = []
        for who, shift in ((partner, 8.0), (person, 0.0)):
            ok = np.isfinite(lat[0])
            channels = Track.empty_channels(int(ok.sum()))
            channels.update(time=times[0][ok], lat=lat[0][ok] + shift / 111_195, lon=lon[0][ok])
            track = Track(format="fit", **channels, sport="running")
            activity = Activity.objects.create(
                owner=User.objects.get(pk=history.user_ids[who]),
                sport="run",
                title="New import",
                start_time=datetime.fromtimestamp(float(start[0]), UTC),
                timezone="Asia/Kolkata",
                local_date=datetime.fromtimestamp(float(start[0]), UTC).date(),
                visibility="followers",
            )
            made.append((activity, footprints.record(activity, track), track))
        (companion, _, _), (activity, footprint, track) = made
        probe = [int(t) for t in probe_tokens(track)]
        activity = Activity.objects.select_related("owner").get(pk=activity.pk)
        began = time.perf_counter()
        if os.environ.get("BENCH_PROFILE") and len(seconds) == LOOKUPS - 1:
            import cProfile
            import pstats

            profile = cProfile.Profile()
            profile.runcall(list, candidates(activity, footprint, probe))
            pstats.Stats(profile, stream=sys.stderr).sort_stats("cumtime").print_stats(25)
        ids = [f.activity_id for f in candidates(activity, footprint, probe)]
        seconds.append(time.perf_counter() - began)
        found.append(len(ids))
        if os.environ.get("BENCH_EXPLAIN") and len(seconds) == LOOKUPS:
            print(candidates(activity, footprint, probe).explain(analyze=True), file=sys.stderr)
        planted_found += companion.pk in ids
    return {
        "median_ms": 1000 * statistics.median(seconds),
        "p90_ms": 1000 * sorted(seconds)[int(0.9 * len(seconds))],
        "candidates_median": statistics.median(found),
        "planted_found": planted_found,
        "lookups": LOOKUPS,
    }


def run(sizes: list[int]) -> dict[str, Any]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from saathi.together.models import OutingToken

    call_command("migrate", verbosity=0)
    history = History()
    history.people()
    results: dict[str, Any] = {"database": connection.vendor, "sizes": []}
    for size in sizes:
        began = time.perf_counter()
        history.grow_to(size)
        history.finish()
        built = time.perf_counter() - began
        measured = lookups(history)
        results["sizes"].append(
            {
                "activities": size,
                "tokens": OutingToken.objects.count(),
                "built_s": built,
                **measured,
            }
        )
    results["tokens_per_activity"] = {
        "five_minutes": history.tokens_5 / history.sampled,
        "one_minute": history.tokens_1 / history.sampled,
    }
    return results


def report(label: str, result: dict[str, Any]) -> str:
    per = result["tokens_per_activity"]
    lines = [
        f"{label}: {PEOPLE:,} people; tokens per activity {per['five_minutes']:.1f} "
        f"(five-minute slots), {per['one_minute']:.1f} (one-minute)",
        "| activities | tokens | candidate lookup, median | p90 | candidates (median) "
        "| planted companion found |",
        "|---|---|---|---|---|---|",
    ]
    for row in result["sizes"]:
        lines.append(
            f"| {row['activities']:,} | {row['tokens']:,} | {row['median_ms']:.1f} ms "
            f"| {row['p90_ms']:.1f} ms | {row['candidates_median']:g} "
            f"| {row['planted_found']}/{row['lookups']} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--postgres-only", action="store_true")
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.child:
        print(json.dumps(run(sizes)))
        return 0
    arguments = ["--sizes", args.sizes]
    if not args.sqlite_only:
        result = on_postgres(__file__, arguments)
        if result is not None:
            print(report("PostgreSQL", result), flush=True)
    if not args.postgres_only:
        print(report("SQLite", on_sqlite(__file__, arguments)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

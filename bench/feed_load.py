"""The feed under load: 32 signed-in people reading it at once, some reacting and commenting,
against the production server on PostgreSQL.

    python bench/feed_load.py                    # 1,000 people, 100,000 activities, 60 s
    python bench/feed_load.py --seconds 120 --workers 4 --clients 32 --cold

A temporary PostgreSQL database (SAATHI_BENCH_POSTGRES, as every bench) gets 1,000 people
around Srinagar with realistic follows: most follow a few dozen (a log-normal count,
median 30), a few are followed by almost everyone (ten clubs' coaches and a local
celebrity, ~1,000 followers each), three in five have a training partner. 100,000
activities over a year with the visibility mix people choose (most followers-only, a
third public, some partners-only or private), stored route previews, 1,000 outings of two,
reactions on most and comments on some. The app is served by `saathi serve` (gunicorn
with --workers and the Huey worker, Redis for the cache and the queue) exactly as in
production, and HTTP clients in threads of this process play the people: each signs in
with a session of its own, opens the feed, reads one or two more pages ("load more",
with HX-Request, from the page's own cursor), now and then reacts or comments on an
entry it saw (--writes, 10 % of requests), and thinks 1 to 5 s between requests (--think).

It prints the median and p99 of each kind of request, the errors (any status but 200,
or 302 after a form), requests per second, the machine's core count, and the plan
PostgreSQL chose for the feed's query (EXPLAIN ANALYZE, as one of the clients).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from harness import ROOT, on_postgres

LAT0, LON0 = 34.08, 74.80
GOALS = {"read_median_ms": 50.0, "read_p99_ms": 150.0, "write_p99_ms": 200.0}
NEXT_PAGE = re.compile(r'hx-get="(\?[^"]*before=[^"]+)"')
ENTRY = re.compile(r'id="entry-activity-(\d+)"')


# -- the people and their year --------------------------------------------------------------


def populate(people: int, activities: int, rng: np.random.Generator) -> dict[str, Any]:
    """People, follows, partners, activities, outings, reactions and comments, in bulk."""
    from django.contrib.auth.hashers import make_password
    from django.db import connection

    from saathi.accounts.models import User
    from saathi.activities.models import Activity, ActivityStreams
    from saathi.activities.privacy import Rules
    from saathi.conversations.models import Comment, Reaction, ReactionKind
    from saathi.people.models import Follow, Partnership
    from saathi.together.models import Membership, Outing

    started = time.perf_counter()
    password = make_password("bench-password")  # hashed once: the hasher is slow on purpose
    User.objects.bulk_create(
        User(
            handle=f"p{i:04d}",
            email=f"p{i:04d}@bench.saathi.example",
            display_name=f"Person {i}",
            password=password,
            time_zone="Asia/Kolkata",
            default_visibility="followers",
        )
        for i in range(people)
    )
    ids = np.array(User.objects.order_by("pk").values_list("pk", flat=True))

    # Follows: a log-normal count per person (median 30), towards popular people more
    # often; ten "coaches" whom nearly everyone follows.
    popularity = rng.pareto(1.5, people) + 1
    popularity /= popularity.sum()
    coaches = set(rng.choice(people, 10, replace=False).tolist())
    pairs: set[tuple[int, int]] = set()
    for i in range(people):
        count = min(people - 1, int(rng.lognormal(np.log(22), 0.6)))
        for j in rng.choice(people, count, replace=False, p=popularity):
            if j != i:
                pairs.add((i, int(j)))
        for coach in coaches:
            if coach != i and rng.random() < 0.97:
                pairs.add((i, coach))
    Follow.objects.bulk_create(
        (Follow(follower_id=ids[a], followed_id=ids[b], accepted=True) for a, b in sorted(pairs)),
        batch_size=10_000,
    )
    order = rng.permutation(people)
    partnered = order[: int(people * 0.6) // 2 * 2].reshape(-1, 2)
    Partnership.objects.bulk_create(
        Partnership(asker_id=ids[a], answerer_id=ids[b], accepted=True) for a, b in partnered
    )

    # Activities over the last year: the most active people out most days.
    cut_key = Rules(zones=(), hide_ends=True).key
    now = datetime.now(UTC)
    keen = rng.gamma(2.0, 1.0, people)
    owners = rng.choice(people, activities, p=keen / keen.sum())
    ages = np.sort(rng.uniform(0, 365 * 86400, activities))[::-1]
    visibility = rng.choice(
        ["followers", "public", "partners", "only_me"], activities, p=[0.55, 0.33, 0.08, 0.04]
    )
    sports = rng.choice(["run", "ride", "walk", "hike"], activities, p=[0.5, 0.3, 0.15, 0.05])
    distance = np.where(
        sports == "ride", rng.uniform(10e3, 80e3, activities), rng.uniform(3e3, 21e3, activities)
    )
    speed = np.where(sports == "ride", 6.5, np.where(sports == "run", 2.9, 1.4))
    rows = []
    for k in range(activities):
        start = now - timedelta(seconds=float(ages[k]))
        moving = float(distance[k] / speed[k])
        rows.append(
            Activity(
                owner_id=ids[owners[k]],
                sport=sports[k],
                title=f"{'Morning' if k % 3 else 'Evening'} {sports[k]} {k}",
                start_time=start,
                timezone="Asia/Kolkata",
                local_date=(start + timedelta(hours=5, minutes=30)).date(),
                source="file",
                visibility=visibility[k],
                map_visibility=visibility[k],
                distance_m=float(distance[k]),
                moving_s=moving,
                elapsed_s=moving * 1.1,
                ascent_m=float(rng.uniform(5, 600)),
                avg_speed_mps=float(speed[k]),
                start_place="Srinagar",
                has_map=True,
                points=int(moving),
                cut_key=cut_key,  # cut under the owner's present rules: others see the route
            )
        )
    Activity.objects.bulk_create(rows, batch_size=5_000)
    activity_ids = np.array(
        Activity.objects.order_by("start_time", "pk").values_list("pk", flat=True)
    )
    del rows
    # The feed reads no samples, only the previews stored beside them at import.
    ActivityStreams.objects.bulk_create(
        (
            ActivityStreams(activity_id=int(pk), data=b"", points=0, **preview_fields(rng))
            for pk in activity_ids
        ),
        batch_size=10_000,
    )

    # Outings of two: one activity in a hundred shares an outing with the next one.
    outings = Outing.objects.bulk_create(Outing() for _ in range(activities // 100))
    members = []
    for n, outing in enumerate(outings):
        first = int(activity_ids[n * 100])
        members += [
            Membership(outing=outing, activity_id=first),
            Membership(outing=outing, activity_id=int(activity_ids[n * 100 + 1])),
        ]
    Membership.objects.bulk_create(members, batch_size=10_000)

    # Reactions on most, from the owner's followers; comments on some.
    kinds = ReactionKind.values
    reactions, comments = [], []
    for k in range(activities):
        count = int(rng.poisson(3))
        for person in rng.choice(ids, count, replace=False):
            reactions.append(
                Reaction(activity_id=int(activity_ids[k]), person_id=int(person), kind=kinds[k % 5])
            )
        if rng.random() < 0.3:
            for _ in range(int(rng.integers(1, 4))):
                comments.append(
                    Comment(
                        activity_id=int(activity_ids[k]),
                        author_id=int(rng.choice(ids)),
                        body="Lovely morning for it! Same time next week?",
                    )
                )
    Reaction.objects.bulk_create(reactions, batch_size=20_000, ignore_conflicts=True)
    Comment.objects.bulk_create(comments, batch_size=20_000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    follows_in = np.bincount([b for _, b in pairs], minlength=people)
    follows_out = np.bincount([a for a, _ in pairs], minlength=people)
    return {
        "people": people,
        "activities": activities,
        "follows": len(pairs),
        "follows_out_median": float(np.median(follows_out)),
        "followers_max": int(follows_in.max()),
        "partnerships": len(partnered),
        "outings": len(outings),
        "reactions": Reaction.objects.count(),
        "comments": len(comments),
        "populate_s": round(time.perf_counter() - started, 1),
    }


def preview_fields(rng: np.random.Generator) -> dict[str, str]:
    """A stored route preview as the feed draws it: a wandering line of 40 points."""
    x = np.cumsum(rng.normal(0, 3, 40))
    y = np.cumsum(rng.normal(0, 3, 40))
    x = (x - x.min()) / max(np.ptp(x), 1e-9) * 100
    y = (y - y.min()) / max(np.ptp(y), 1e-9) * 60
    path = "M" + " L".join(f"{a:.1f} {b:.1f}" for a, b in zip(x, y, strict=True))
    return {"preview": path, "visible_preview": path}


# -- the clients ----------------------------------------------------------------------------


def sessions_for(handles: list[str]) -> dict[str, str]:
    """A signed-in session per person, made as Django's login makes them."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from saathi.accounts.models import User

    keys = {}
    for user in User.objects.filter(handle__in=handles):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        keys[user.handle] = session.session_key
    return keys


class Client(threading.Thread):
    """One person: open the feed, read on, sometimes react or comment, think, again."""

    def __init__(
        self,
        port: int,
        session: str,
        until: float,
        writes: float,
        seed: int,
        think: tuple[float, float] = (1.0, 5.0),
    ):
        super().__init__(daemon=True)
        self.port, self.until, self.writes, self.think = port, until, writes, think
        self.rng = random.Random(seed)
        self.csrf = secrets.token_hex(16)  # a 32-character secret, sent as cookie and header
        self.cookie = f"sessionid={session}; csrftoken={self.csrf}"
        self.timings: dict[str, list[float]] = {"first page": [], "load more": [], "write": []}
        self.errors: list[str] = []
        self.slowest: list[tuple[int, float, str, str]] = []  # ms, when (s before the end)

    def request(self, kind: str, method: str, path: str, body: str = "", htmx: bool = False) -> str:
        headers = {"Cookie": self.cookie, "Host": "127.0.0.1"}
        if htmx:
            headers["HX-Request"] = "true"
        if method == "POST":
            headers.update(
                {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "X-CSRFToken": self.csrf,
                    "Referer": f"http://127.0.0.1:{self.port}/",
                }
            )
        started = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        except OSError as error:
            self.errors.append(f"{kind} {path}: {error}")
            return ""
        finally:
            connection.close()
        took = (time.perf_counter() - started) * 1000
        self.timings[kind].append(took)
        self.slowest.append((round(took), round(time.time() - self.until, 1), kind, path))
        if response.status not in (200, 302):
            self.errors.append(f"{kind} {path}: {response.status}")
        return text

    def run(self) -> None:
        seen: list[str] = []
        more: str | None = None
        # People arrive one by one, not all in the same instant (locust spawns them at a
        # rate): each starts somewhere within one think time.
        time.sleep(self.rng.uniform(0, self.think[1]))
        while time.time() < self.until:
            if seen and self.rng.random() < self.writes:
                activity = self.rng.choice(seen)
                if self.rng.random() < 0.6:
                    kind = self.rng.choice(["kudos", "fire", "heart", "clap", "laugh"])
                    self.request(
                        "write",
                        "POST",
                        f"/activities/{activity}/reactions/",
                        f"kind={kind}",
                        htmx=True,
                    )
                else:
                    self.request(
                        "write",
                        "POST",
                        f"/activities/{activity}/comments/",
                        "body=Well+done%21",
                        htmx=True,
                    )
            elif more and self.rng.random() < 0.5:
                page = self.request("load more", "GET", "/" + more.replace("&amp;", "&"), htmx=True)
                seen += ENTRY.findall(page)
                found = NEXT_PAGE.search(page)
                more = found.group(1) if found else None
            else:
                page = self.request("first page", "GET", "/")
                seen = ENTRY.findall(page)
                found = NEXT_PAGE.search(page)
                more = found.group(1) if found else None
            time.sleep(self.rng.uniform(*self.think))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve(port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "SAATHI_PORT": str(port),
        "SAATHI_HOST": "127.0.0.1",
        "SAATHI_WEB_WORKERS": str(workers),
        "SAATHI_HTTPS": "false",
        "SAATHI_ALLOWED_HOSTS": "127.0.0.1",
    }
    # Its errors go to a file (a pipe nobody reads would fill and stall the server).
    log = open(Path(os.environ["SAATHI_DATA_DIR"]) / "serve.log", "wb")  # noqa: SIM115
    server = subprocess.Popen(
        [sys.executable, "-m", "saathi.cli", "serve", "--no-migrate"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit(f"saathi serve did not answer: {server_log()}")


def server_log() -> str:
    return (Path(os.environ["SAATHI_DATA_DIR"]) / "serve.log").read_text(errors="replace")[-3000:]


def explain(handle: str) -> str:
    """The plan PostgreSQL runs for the first feed page of `handle`."""
    from django.db import connection

    from saathi.accounts.models import User
    from saathi.feed.activity_entries import selected
    from saathi.feed.cursor import Request
    from saathi.feed.page import PAGE_SIZE
    from saathi.people.circles import Ties

    viewer = User.objects.get(handle=handle)
    query = selected(viewer, Request(), PAGE_SIZE + 1, Ties.of(viewer))
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def measure(args: argparse.Namespace) -> dict[str, Any]:
    # Redis for the cache (rate limits, login counts) and the queue, as with several
    # app servers; set before Django reads its settings, and inherited by `saathi serve`.
    os.environ["SAATHI_REDIS_URL"] = args.redis
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    cache.clear()  # nothing judged in an earlier run
    think = tuple(float(x) for x in args.think.split("-"))
    rng = np.random.default_rng(13)
    data = populate(args.people, args.activities, rng)
    handles = [f"p{i:04d}" for i in rng.choice(args.people, args.clients, replace=False)]
    keys = sessions_for(handles)
    port = free_port()
    server = serve(port, args.workers)
    try:
        # Warm: every gunicorn worker connects, and (unless --cold) each person's first
        # pages are read once, as a site in use has judged its people's histories before.
        warm = [Client(port, keys[h], time.time() + 5, 0.0, 99, (0.2, 0.4)) for h in handles[:8]]
        if not args.cold:
            warm += [Client(port, keys[h], time.time() + 8, 0.0, 98, (0.2, 0.4)) for h in handles]
        for client in warm:
            client.start()
        for client in warm:
            client.join()
        until = time.time() + args.seconds
        clients = [
            Client(port, keys[handle], until, args.writes, seed, think)
            for seed, handle in enumerate(handles)
        ]
        started = time.perf_counter()
        for client in clients:
            client.start()
        for client in clients:
            client.join()
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=60)
    timings: dict[str, list[float]] = {"first page": [], "load more": [], "write": []}
    for client in clients:
        for kind, values in client.timings.items():
            timings[kind] += values
    reads = timings["first page"] + timings["load more"]
    errors = [error for client in clients for error in client.errors]
    return {
        **data,
        "cores": os.cpu_count(),
        "workers": args.workers,
        "clients": args.clients,
        "seconds": args.seconds,
        "think_s": args.think,
        "cache": "cold" if args.cold else "warm",
        "requests": sum(len(v) for v in timings.values()),
        "per_second": round(sum(len(v) for v in timings.values()) / wall, 1),
        "errors": len(errors),
        "first_errors": errors[:5],
        "slowest": sorted((s for c in clients for s in c.slowest), reverse=True)[:8],
        "server_log": server_log() if errors else "",
        "kinds": {
            kind: {
                "count": len(values),
                "median_ms": round(statistics.median(values), 1) if values else None,
                "p99_ms": round(percentile(values, 99), 1),
            }
            for kind, values in timings.items()
        },
        "read_median_ms": round(statistics.median(reads), 1),
        "read_p99_ms": round(percentile(reads, 99), 1),
        "write_p99_ms": round(percentile(timings["write"], 99), 1),
        "explain": explain(handles[0]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)  # on 2 cores, 2 beat 4
    parser.add_argument("--writes", type=float, default=0.10)
    # Between two requests a person reads: 1 to 5 s, locust's usual `between(1, 5)`.
    parser.add_argument("--think", default="1-5", help="seconds between requests, min-max")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/5")
    parser.add_argument("--cold", action="store_true", help="time the first visits too")
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args)))
        return
    result = on_postgres(__file__, sys.argv[1:])
    if result is None:
        raise SystemExit("no PostgreSQL server: set SAATHI_BENCH_POSTGRES")
    explain_text = result.pop("explain")
    shown = {k: v for k, v in result.items() if k not in ("kinds", "server_log")}
    print(json.dumps(shown, indent=1))
    print(f"\n{'request':<12} {'count':>7} {'median ms':>10} {'p99 ms':>8}")
    for kind, figures in result["kinds"].items():
        print(
            f"{kind:<12} {figures['count']:>7} {figures['median_ms']!s:>10} {figures['p99_ms']:>8}"
        )
    print()
    for goal, limit in GOALS.items():
        value = result[goal]
        verdict = "met" if value < limit else "MISSED"
        print(f"{goal}: {value} ms, goal < {limit} ms ({value / limit:.2f} of it) {verdict}")
    print(f"errors: {result['errors']} {result['first_errors']}")
    if result["server_log"]:
        print("the server said:\n" + result["server_log"])
    print("\nThe feed query's plan:\n" + explain_text)


if __name__ == "__main__":
    main()

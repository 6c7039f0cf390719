"""Server time of the activity page for a 100,000-point activity (goal: under 100 ms).

    python bench/activity_page.py              # 20 requests of each kind after 2 warm-up ones
    python bench/activity_page.py --points 200000 --requests 50

The activity is the real Stavelot ride (tests/data/fit/4078723797.fit, 8,357
points at 1 Hz) laid end to end until it has --points samples, times and the device's
distance running on, imported through the same summary as an upload and saved in a
fresh SQLite database in a temporary data dir. Each request goes through Django's test
client: middleware, the view (the stored chart picks converted to the viewer's units,
tiles, tables) and the template, but no network. Also timed: a view of an activity
imported before picks were stored (they are made from the streams and saved), and the
picks' share of an import. Wall time and this process's CPU time are printed; on a busy
machine the CPU time is the fairer figure.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from dataclasses import replace
from typing import Any

from harness import TESTDATA, environment, plain_static_storage

RIDE = TESTDATA / "fit" / "4078723797.fit"
GOAL_MS = 100.0


def long_track(points: int) -> Any:
    """The real ride repeated end to end, cut to `points` samples."""
    import numpy as np

    from saathi.tracks.read import read_track
    from saathi.tracks.track import CHANNELS

    ride = read_track(RIDE.read_bytes(), name=RIDE.name)
    copies = -(-points // len(ride))
    span = float(np.nanmax(ride.time) - np.nanmin(ride.time)) + 1.0
    far = float(np.nanmax(ride.distance))
    channels = {name: np.tile(getattr(ride, name), copies)[:points] for name in CHANNELS}
    lap = np.repeat(np.arange(copies, dtype=float), len(ride))[:points]
    channels["time"] = channels["time"] + lap * span
    channels["distance"] = channels["distance"] + lap * far
    return replace(ride, **channels, laps=[], sessions=[], totals=None, pauses=[], breaks=[])


def timed(function: Any, *args: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    result = function(*args)
    return result, (time.perf_counter() - started) * 1000


def cpu_timed(function: Any, *args: Any) -> tuple[Any, float]:
    started = time.process_time()
    result = function(*args)
    return result, (time.process_time() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--points", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=20)
    options = parser.parse_args()

    clean = environment(tempfile.mkdtemp(prefix="saathi-bench-page-"))
    os.environ.clear()
    os.environ.update(clean)
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from saathi.accounts.models import User
    from saathi.activities.charts import chart_picks
    from saathi.activities.models import ActivityStreams
    from saathi.activities.summary import activity_from_track

    plain_static_storage()
    call_command("migrate", verbosity=0)
    owner = User.objects.create_user("bench", "bench@example.org", time_zone="Asia/Kolkata")
    activity, streams = activity_from_track(owner=owner, track=long_track(options.points))
    activity.save()
    streams.activity = activity
    streams.save()
    picks_bytes = len(streams.picks or b"")

    client = Client()
    client.force_login(owner)
    url = f"/activities/{activity.pk}/"
    for _ in range(2):
        assert client.get(url).status_code == 200
    stored = measure(client, url, options.requests)
    unpicked = ActivityStreams.objects.filter(pk=streams.pk)
    lazy = measure(client, url, options.requests, before=lambda: unpicked.update(picks=None))
    track, load_ms = cpu_timed(streams.load)
    _, picks_ms = cpu_timed(chart_picks, activity, track)

    print(f"activity page, {streams.points:,} points, {options.requests} requests each")
    for name, (walls, cpus, _) in (("picks stored", stored), ("picks made", lazy)):
        print(
            f"  {name:13}  wall median {statistics.median(walls):6.1f} ms"
            f"  cpu median {statistics.median(cpus):6.1f} ms  best {min(cpus):6.1f} ms"
        )
    print(
        f"  making the picks (at import, or at the first view of an older activity), cpu:"
        f" unpack streams {load_ms:.1f} ms, LTTB and route {picks_ms:.1f} ms"
    )
    print(
        f"  picks stored: {picks_bytes / 1024:,.1f} KB; streams {len(streams.data) / 1024:,.0f} KB"
    )
    print(f"  page size {stored[2] / 1024:,.0f} KB (HTML with the chart data)")
    for name, result in (("picks stored", stored), ("picks made", lazy)):
        verdict = "meets" if statistics.median(result[1]) < GOAL_MS else "misses"
        print(f"  {name}: {verdict} the goal of {GOAL_MS:.0f} ms (median CPU time)")


def measure(client: Any, url: str, requests: int, before: Any = None) -> Any:
    walls, cpus, size = [], [], 0
    for _ in range(requests):
        if before is not None:
            before()
        cpu = time.process_time()
        response, wall = timed(client.get, url)
        cpus.append((time.process_time() - cpu) * 1000)
        walls.append(wall)
        size = len(response.content)
    return walls, cpus, size


if __name__ == "__main__":
    main()

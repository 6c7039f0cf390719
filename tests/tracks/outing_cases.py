"""Constructed pairs of recordings, each labelled with whether the two people were out
together: the cases on which the same-outing threshold is chosen
(tests/tracks/test_same_outing_cases.py) and which bench/outings.py prints.

Routes are polylines in metres east and north of a point near Srinagar; a person moves
along one at a steady speed from a start time, sampled every second (a FIT watch) or
every few seconds (smart recording), with GPS noise drawn from a seeded generator.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from saathi.tracks.together import METRES_PER_DEGREE, SAME_OUTING_SHARE, same_outing
from saathi.tracks.track import FloatArray, Track
from tests.tracks.synthetic import make

LAT0, LON0 = 34.08, 74.80
T0 = 1_750_000_000.0  # a June morning, UTC
DAY = 86_400.0
RUN, RIDE = 3.0, 7.5  # metres per second
# An out-and-back of 5 km each way with two turns, and a 12 km loop.
OUT_AND_BACK = [(0, 0), (2000, 0), (2000, 1500), (3500, 3000), (2000, 1500), (2000, 0), (0, 0)]
LOOP = [(0, 0), (4000, 0), (4000, 2000), (0, 2000), (0, 0)]
ELSEWHERE = [(0, 3000), (-4000, 3000), (-4000, 5000)]


def _polyline(points: list[tuple[int, int]]) -> tuple[FloatArray, FloatArray, FloatArray]:
    xy = np.asarray(points, dtype=np.float64)
    along = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(xy, axis=0).T))])
    return along, xy[:, 0], xy[:, 1]


def person(
    route: list[tuple[int, int]],
    *,
    start: float,
    speed: float,
    seconds: float | None = None,
    every: float = 1.0,
    noise_m: float = 4.0,
    offset_m: tuple[float, float] = (0.0, 0.0),
    from_m: float = 0.0,
    seed: int = 1,
    sport: str = "running",
    wait_s: float = 0.0,
) -> Track:
    """One recording along `route`, starting `from_m` metres into it after standing
    there for `wait_s`, for `seconds` (to the route's end when None)."""
    along, xs, ys = _polyline(route)
    length = along[-1] - from_m
    duration = seconds if seconds is not None else wait_s + length / speed
    rng = np.random.default_rng(seed)
    time = np.arange(0.0, duration + 1e-9, every)
    metres = np.clip(from_m + speed * np.maximum(time - wait_s, 0), 0, along[-1])
    x = np.interp(metres, along, xs) + offset_m[0] + rng.normal(0, noise_m, time.size)
    y = np.interp(metres, along, ys) + offset_m[1] + rng.normal(0, noise_m, time.size)
    lat = LAT0 + y / METRES_PER_DEGREE
    lon = LON0 + x / (METRES_PER_DEGREE * np.cos(np.radians(LAT0)))
    return make(time.size, time=start + time, lat=lat, lon=lon, sport=sport)


def joined(first: Track, second: Track) -> Track:
    """One recording made of two pieces, back to back."""
    return make(
        first.time.size + second.time.size,
        time=np.concatenate([first.time, second.time]),
        lat=np.concatenate([first.lat, second.lat]),
        lon=np.concatenate([first.lon, second.lon]),
        sport=first.sport,
    )


def with_outliers(track: Track, every: int = 97, jump_m: float = 400.0) -> Track:
    """A watch that now and then puts a fix hundreds of metres away."""
    lat = track.lat.copy()
    lat[::every] += jump_m / METRES_PER_DEGREE
    return make(track.time.size, time=track.time, lat=lat, lon=track.lon, sport=track.sport)


@dataclass(frozen=True)
class Case:
    name: str
    together: bool  # the truth: were they out together?
    build: Callable[[], tuple[Track, Track]]
    on_bike: bool = False

    def share(self) -> float:
        """same_outing with the one that started first as the first, as detection does."""
        a, b = self.build()
        if np.nanmin(b.time) < np.nanmin(a.time):
            a, b = b, a
        return same_outing(a, b, self.on_bike)


def _met_halfway(share_alone: float) -> tuple[Track, Track]:
    """She runs the loop; he waits at the point `share_alone` of her time in and runs the
    rest of it with her."""
    her = person(LOOP, start=T0, speed=RUN, seed=3)
    total = 12_000 / RUN
    meet_s = share_alone * total
    him = person(LOOP, start=T0 + meet_s, speed=RUN, from_m=RUN * meet_s, offset_m=(6, 4), seed=4)
    return her, him


def _chat_and_part() -> tuple[Track, Track]:
    """They run towards each other, stop for five minutes' talk, and go their ways."""
    her = joined(
        person(LOOP, start=T0, speed=RUN, seconds=1200, seed=5),
        person(LOOP, start=T0 + 1201, speed=0.0, seconds=300, from_m=3600, seed=6),
    )
    her = joined(her, person(LOOP, start=T0 + 1502, speed=RUN, from_m=3600, seed=7))
    his_way = [(3600, 0), (3600, -3000), (0, -3000)]
    him = joined(
        person(LOOP, start=T0 + 1201, speed=0.0, seconds=300, from_m=3600, seed=8),
        person(his_way, start=T0 + 1502, speed=RUN, seed=9),
    )
    return her, him


CASES: list[Case] = [
    Case(
        "a couple running together, 8 m apart, GPS noise, one watch started 2 min early",
        True,
        lambda: (
            person(OUT_AND_BACK, start=T0 - 120, wait_s=120, speed=RUN, noise_m=8, seed=10),
            person(OUT_AND_BACK, start=T0, speed=RUN, every=4, offset_m=(8, 0), noise_m=8, seed=11),
        ),
    ),
    Case(
        "a couple running together, noisy watches that jump 400 m now and then",
        True,
        lambda: (
            with_outliers(person(LOOP, start=T0, speed=RUN, noise_m=15, seed=12)),
            with_outliers(person(LOOP, start=T0 + 5, speed=RUN, noise_m=15, seed=13), every=53),
        ),
    ),
    Case(
        "two riders in a group ride, 80 m apart",
        True,
        lambda: (
            person(LOOP, start=T0, speed=RIDE, every=2, seed=14, sport="cycling"),
            person(LOOP, start=T0, speed=RIDE, offset_m=(60, 50), seed=15, sport="cycling"),
        ),
        on_bike=True,
    ),
    Case("he joined her halfway and ran the second half with her", True, lambda: _met_halfway(0.5)),
    Case("he joined her for the last 40 % of her run", True, lambda: _met_halfway(0.6)),
    Case("he ran only the last 20 % of her run with her", False, lambda: _met_halfway(0.8)),
    Case("they met, talked for five minutes and went their ways", False, _chat_and_part),
    Case(
        "the same route three minutes apart",
        False,
        lambda: (
            person(OUT_AND_BACK, start=T0, speed=RUN, seed=16),
            person(OUT_AND_BACK, start=T0 + 180, speed=RUN, seed=17),
        ),
    ),
    Case(
        "the same route ninety seconds apart",
        False,
        lambda: (
            person(LOOP, start=T0, speed=RUN, seed=32),
            person(LOOP, start=T0 + 90, speed=RUN, seed=33),
        ),
    ),
    Case(
        "the same route ten minutes apart",
        False,
        lambda: (
            person(LOOP, start=T0, speed=RUN, seed=18),
            person(LOOP, start=T0 + 600, speed=RUN, seed=19),
        ),
    ),
    Case(
        "the same ride two minutes apart",
        False,
        lambda: (
            person(LOOP, start=T0, speed=RIDE, seed=20, sport="cycling"),
            person(LOOP, start=T0 + 120, speed=RIDE, seed=21, sport="cycling"),
        ),
        on_bike=True,
    ),
    Case(
        "the same loop at the same time, in opposite directions",
        False,
        lambda: (
            person(LOOP, start=T0, speed=RUN, seed=22),
            person(LOOP[::-1], start=T0, speed=RUN, seed=23),
        ),
    ),
    Case(
        "the same place another day",
        False,
        lambda: (
            person(OUT_AND_BACK, start=T0, speed=RUN, seed=24),
            person(OUT_AND_BACK, start=T0 + DAY, speed=RUN, seed=25),
        ),
    ),
    Case(
        "the same place and hour a week later",
        False,
        lambda: (
            person(LOOP, start=T0, speed=RUN, seed=26),
            person(LOOP, start=T0 + 7 * DAY, speed=RUN, seed=27),
        ),
    ),
    Case(
        "a ride and a run leaving the same door together",
        False,
        lambda: (
            person(LOOP, start=T0, speed=RIDE, seed=28, sport="cycling"),
            person(LOOP, start=T0, speed=RUN, seed=29),
        ),
        on_bike=True,
    ),
    Case(
        "the same time, 3 km apart",
        False,
        lambda: (
            person(LOOP, start=T0, speed=RUN, seed=30),
            person(ELSEWHERE, start=T0, speed=RUN, seed=31),
        ),
    ),
]


@dataclass(frozen=True)
class Score:
    threshold: float
    true_matches: int
    false_matches: int
    missed: int

    @property
    def precision(self) -> float:
        found = self.true_matches + self.false_matches
        return self.true_matches / found if found else 1.0

    @property
    def recall(self) -> float:
        real = self.true_matches + self.missed
        return self.true_matches / real if real else 1.0


def score(shares: dict[str, float], threshold: float = SAME_OUTING_SHARE) -> Score:
    truth = {case.name: case.together for case in CASES}
    found = {name for name, share in shares.items() if share >= threshold}
    return Score(
        threshold,
        true_matches=sum(truth[name] for name in found),
        false_matches=sum(not truth[name] for name in found),
        missed=sum(truth[name] and name not in found for name in truth),
    )

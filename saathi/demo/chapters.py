"""The story, one function per chapter: the README's "The demo" tells it.

A chapter adds happenings to the Story: outings a device recorded (written as files and
imported) and entries logged by hand. The loader plays them all in time order, so the
records of each moment are those a person would have seen then. A later chapter
(partners, photos, the women-only event, reactions) is one more function in CHAPTERS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np

from saathi.demo.motion import Athlete, Outing
from saathi.demo.routes import Atlas, Route

HOME_ZONE = ZoneInfo("Asia/Kolkata")


@dataclass(frozen=True)
class Person:
    handle: str
    email: str
    password: str
    display_name: str
    birth_year: int
    sex: str
    athlete: Athlete
    device: str  # "fit" (a Garmin watch) or "gpx" (a phone-paired watch's export)


# Fictional: an actor who lives in Lonavla, in the hills above Mumbai, and his wife.
HIM = Person(
    handle="kabir",
    email="kabir@demo.saathi.example",
    password="suryanamaskar-30",
    display_name="Kabir Sehgal",
    birth_year=1984,
    sex="male",
    athlete=Athlete(resting_hr=52, max_hr=184, run_mps=3.25, ride_mps=7.8, stride_rpm=85),
    device="fit",
)
HER = Person(
    handle="meera",
    email="meera@demo.saathi.example",
    password="baramulla-to-uri",
    display_name="Meera Sehgal",
    birth_year=1988,
    sex="female",
    athlete=Athlete(resting_hr=58, max_hr=188, run_mps=2.85, ride_mps=6.6, stride_rpm=83),
    device="gpx",
)
COUPLE = (HIM, HER)

# Days before the load date: the story's two big days.
HILL_RUN_DAYS_AGO = 52
HOLIDAY_DAYS_AGO = 24
HOLIDAY_DAYS = range(HOLIDAY_DAYS_AGO - 3, HOLIDAY_DAYS_AGO + 3)  # away in Kashmir


@dataclass(frozen=True)
class Recorded:
    """An outing recorded by the person's device: becomes a file, then an activity."""

    person: Person
    outing: Outing

    @property
    def start(self) -> datetime:
        return self.outing.start


@dataclass(frozen=True)
class Logged:
    """An entry made by hand (no device): the morning sun salutations."""

    person: Person
    start: datetime
    sport: str
    duration_s: float
    title: str


@dataclass
class Story:
    today: date
    days: int  # how far back the training year goes
    atlas: Atlas
    seed: int
    happenings: list[Recorded | Logged] = field(default_factory=list)

    def rng(self, *names: str) -> np.random.Generator:
        """A generator of its own per chapter: a change in one leaves the others alone."""
        return np.random.default_rng([self.seed, *(int.from_bytes(n.encode()) for n in names)])

    def day(self, days_ago: int) -> date:
        return self.today - timedelta(days=days_ago)

    def at(self, days_ago: int, hour: int, minute: int, second: int = 0) -> datetime:
        local = datetime.combine(self.day(days_ago), time(hour, minute, second), HOME_ZONE)
        return local.astimezone(UTC)

    def progress(self, days_ago: int) -> float:
        """0 a year ago, 1 today: how far the year's build-up has come."""
        return 1.0 - min(days_ago, 365) / 365


Chapter = Callable[[Story], None]


def training_year(story: Story) -> None:
    """Runs and rides around Lonavla, three or four a week, building up over the year."""
    for person in COUPLE:
        rng = story.rng("training", person.handle)
        for days_ago in range(story.days, 0, -1):
            weekday = story.day(days_ago).weekday()
            skipped = rng.random() < 0.15  # tired, ill, travelling: a normal year
            if skipped or days_ago in HOLIDAY_DAYS or days_ago == HILL_RUN_DAYS_AGO:
                continue
            if _busy(person, days_ago):
                continue
            plan = _plan(person, weekday, story.progress(days_ago), rng)
            if plan is None:
                continue
            sport, km = plan
            route = _out_and_back(story.atlas, sport, km, rng)
            # He goes out at dawn, she an hour later: on their own days they are never on
            # the same road at the same time, so detection finds only the days they went
            # together.
            hour = 6 if person is HIM else 7
            start = story.at(days_ago, hour, int(rng.integers(10, 45)), int(rng.integers(0, 60)))
            story.happenings.append(
                _outing(story, person, route, sport, start, days_ago, rng.integers(1 << 30))
            )


def _busy(person: Person, days_ago: int) -> bool:
    """His shooting schedules: two spells of early calls when only the yoga survives."""
    return person is HIM and (200 <= days_ago < 214 or 110 <= days_ago < 121)


def _plan(
    person: Person, weekday: int, progress: float, rng: np.random.Generator
) -> tuple[str, float] | None:
    """(sport, km) for the day of the week, or a rest day."""
    plans: dict[int, tuple[str, float] | None]
    if person is HIM:
        plans = {
            1: ("running", 6 + 4 * progress),
            3: ("running", 8 + 3 * progress),
            5: ("cycling", 52 + 24 * progress),  # past 65 km long before the holiday
            6: ("running", 12 + 8 * progress),
        }
    else:
        plans = {
            2: ("running", 5 + 3 * progress),
            5: ("cycling", 14 + 31 * progress),  # to 40-45 km before the holiday
            6: ("running", 6 + 5 * progress) if rng.random() < 0.6 else None,
        }
    plan = plans.get(weekday)
    if plan is None:
        return None
    sport, km = plan
    # Her rides stay close to the plan so that her best before the holiday is 40-45 km.
    spread = (0.95, 1.05) if person is HER and sport == "cycling" else (0.85, 1.08)
    return sport, km * float(rng.uniform(*spread))


def _out_and_back(atlas: Atlas, sport: str, km: float, rng: np.random.Generator) -> Route:
    roads = [atlas.old_highway, atlas.pawna, atlas.aamby]
    if sport == "cycling" and km > 2 * atlas.old_highway.length_m / 1000:
        # His longest rides: to Talegaon and back, then on towards Tiger's Leap.
        extra = (km * 1000 - 2 * atlas.old_highway.length_m) / 2
        highway = atlas.old_highway
        return highway.out_and_back(highway.length_m).then(atlas.aamby.out_and_back(extra))
    fits = [road for road in roads if road.length_m * 2 >= km * 1000]
    road = fits[int(rng.integers(len(fits)))] if fits else atlas.old_highway
    return road.out_and_back(km * 500)


def _outing(
    story: Story,
    person: Person,
    route: Route,
    sport: str,
    start: datetime,
    days_ago: int,
    seed: int,
    stops: int | None = None,
) -> Recorded:
    long = route.length_m > (30_000 if sport == "cycling" else 15_000)
    outing = Outing(
        athlete=person.athlete,
        route=route,
        sport=sport,
        start=start,
        fitness=0.7 + 0.3 * story.progress(days_ago),
        stops=(2 if long else int(seed % 2)) if stops is None else stops,
        seed=int(seed),
    )
    return Recorded(person, outing)


def together(story: Story, route: Route, sport: str, days_ago: int, start: datetime) -> None:
    """Both of them on one outing: her pace, his watch started a few seconds earlier.

    The same pace seed gives both the same speed and stops; the noise of each device
    (position, altitude, heart) is its own.
    """
    rng = story.rng("together", str(days_ago))
    pace = int(rng.integers(1 << 30))
    her = _outing(story, HER, route, sport, start + timedelta(seconds=6), days_ago, pace, 2)
    her = replace(her, outing=replace(her.outing, pace_seed=pace))
    him = replace(
        _outing(story, HIM, route, sport, start, days_ago, pace, 2).outing,
        pace=HER.athlete,
        pace_seed=pace,
        seed=int(rng.integers(1 << 30)),
    )
    story.happenings += [Recorded(HIM, him), her]


def hill_run(story: Story) -> None:
    """20 km from Khopoli up the Bor ghat to Khandala and Lonavla, run together."""
    days_ago = HILL_RUN_DAYS_AGO
    together(story, story.atlas.bor_ghat_run, "running", days_ago, story.at(days_ago, 6, 5))


def holiday_ride(story: Story) -> None:
    """On holiday in Kashmir, 65 km from Baramulla to Uri: her longest ride so far."""
    days_ago = HOLIDAY_DAYS_AGO
    together(story, story.atlas.holiday_ride(), "cycling", days_ago, story.at(days_ago, 8, 10))


def morning_routine(story: Story) -> None:
    """30 sun salutations most mornings (his, every one of the last month); she joins him
    on about a third of them, side by side on the terrace."""
    rng = story.rng("routine")
    for days_ago in range(story.days, -1, -1):
        streak = days_ago <= 30  # his current streak is unbroken
        if not streak and rng.random() > 0.93:
            continue
        start = story.at(days_ago, 5, int(rng.integers(35, 55)), int(rng.integers(0, 60)))
        joined = rng.random() < 0.35
        for person in (HIM, HER) if joined else (HIM,):
            story.happenings.append(
                Logged(
                    person=person,
                    start=start,
                    sport="yoga",
                    duration_s=float(np.round(rng.normal(420, 20))),
                    title="Suryanamaskar, 30 rounds",
                )
            )


CHAPTERS: list[tuple[str, Chapter]] = [
    ("A year of runs and rides around Lonavla", training_year),
    ("A hill run together", hill_run),
    ("A holiday ride, and a personal best", holiday_ride),
    ("A morning routine", morning_routine),
]

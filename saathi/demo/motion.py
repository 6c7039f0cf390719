"""One person moving along a route, sampled once a second like a watch records it.

Speed follows the grade (slower up, faster down, braking on steep descents), with slow
swings of effort and a few stops; heart rate follows effort with a lag and drifts up
over a long outing; cadence follows speed (and stops when coasting downhill). The GPS
position wanders a few metres around the road, the barometric altitude is smooth with
a slow drift. Everything is whole-array numpy: a 3-hour ride is ~11,000 samples.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
import numpy.typing as npt

from saathi.demo.routes import EARTH_RADIUS_M, Route

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Athlete:
    """What the engine of motion needs to know about a person."""

    resting_hr: int
    max_hr: int
    run_mps: float  # easy pace on the flat, at full fitness
    ride_mps: float  # steady riding speed on the flat
    stride_rpm: float  # running cadence in strides (one foot) per minute, as FIT stores it


@dataclass(frozen=True)
class Outing:
    """What to record: who, where, when, how fit that day, how many stops."""

    athlete: Athlete
    route: Route
    sport: str  # "running" or "cycling" (FIT's names)
    start: datetime  # aware, UTC
    fitness: float  # 1.0 at their best; the year's build-up starts lower
    stops: int
    seed: int
    # Out with someone: whose pace they keep, and the seed of that pace and its stops.
    pace: Athlete | None = None
    pace_seed: int | None = None


@dataclass(frozen=True)
class Samples:
    """Aligned 1 Hz channels of one recording."""

    sport: str
    start: datetime
    time_s: FloatArray
    lat: FloatArray
    lon: FloatArray
    alt: FloatArray
    distance_m: FloatArray
    speed_mps: FloatArray
    hr: FloatArray
    cadence: FloatArray

    @property
    def duration_s(self) -> float:
        return float(self.time_s[-1])


def record(outing: Outing) -> Samples:
    pace_seed = outing.seed if outing.pace_seed is None else outing.pace_seed
    pace_rng = np.random.default_rng(pace_seed)
    rng = np.random.default_rng([outing.seed, 1])  # this device's own noise
    route = outing.route
    grade = _grade(route)
    speed = _speed(outing, grade, pace_rng)
    knots_t, knots_s = _timeline(route, speed, outing.stops, pace_rng)
    time_s = np.arange(0.0, np.floor(knots_t[-1]) + 1)
    s = np.interp(time_s, knots_t, knots_s)
    moving = np.gradient(s) > 0.3
    lat, lon = _gps(route, s, rng)
    alt = _barometer(np.interp(s, route.distance_m, route.alt), rng)
    g = np.interp(s, route.distance_m, grade)
    v = _smooth(np.gradient(s), 3)
    return Samples(
        sport=outing.sport,
        start=outing.start,
        time_s=time_s,
        lat=lat,
        lon=lon,
        alt=alt,
        distance_m=s,
        speed_mps=v,
        hr=_heart(outing, v, g, moving, rng),
        cadence=_cadence(outing, v, g, moving, rng),
    )


def _grade(route: Route) -> FloatArray:
    alt = _smooth(route.alt, 9)  # 9 points: ~45 m of road
    grade = np.gradient(alt, route.distance_m)
    return floats(np.clip(np.nan_to_num(grade), -0.25, 0.25))


def _speed(outing: Outing, grade: FloatArray, rng: np.random.Generator) -> FloatArray:
    """Metres a second at each route point."""
    athlete, n = outing.pace or outing.athlete, len(grade)
    swings = 1 + 0.05 * _wander(n, 400, rng)  # ~2 km swings of effort
    if outing.sport == "cycling":
        flat = athlete.ride_mps * (0.8 + 0.2 * outing.fitness)
        up = flat / (1 + 14 * np.maximum(grade, 0))
        down = np.minimum(flat * (1 + 7 * np.maximum(-grade, 0)), 15.0)
        speed = np.where(grade >= 0, up, down)
    else:
        flat = athlete.run_mps * (0.75 + 0.25 * outing.fitness)
        up = flat / (1 + 9 * np.maximum(grade, 0))
        down = flat * (1 + np.minimum(2.5 * np.maximum(-grade, 0), 0.15))
        speed = np.where(grade >= 0, up, down)
    return floats(np.maximum(speed * swings, 0.8))


def _timeline(
    route: Route, speed: FloatArray, stops: int, rng: np.random.Generator
) -> tuple[FloatArray, FloatArray]:
    """(time, distance) knots: the route's points, and a pause at each stop."""
    s = route.distance_m
    t = np.concatenate(([0.0], np.cumsum(np.diff(s) / ((speed[1:] + speed[:-1]) / 2))))
    # A water stop, a traffic jam, a photo: never in the first or last tenth.
    where = np.sort(rng.integers(len(s) // 10, len(s) * 9 // 10, stops)).tolist()
    for offset, index in enumerate(where):
        at = index + offset
        pause = float(rng.uniform(40, 240))
        t = np.insert(t, at + 1, t[at])
        s = np.insert(s, at + 1, s[at])
        t[at + 1 :] += pause
    return t, s


def _gps(route: Route, s: FloatArray, rng: np.random.Generator) -> tuple[FloatArray, FloatArray]:
    """The route position plus a few metres of slowly wandering error."""
    lat = np.interp(s, route.distance_m, route.lat)
    lon = np.interp(s, route.distance_m, route.lon)
    north = 2.0 * _wander(len(s), 90, rng) + rng.normal(0, 0.15, len(s))
    east = 2.0 * _wander(len(s), 90, rng) + rng.normal(0, 0.15, len(s))
    lat = lat + np.degrees(north / EARTH_RADIUS_M)
    lon = lon + np.degrees(east / (EARTH_RADIUS_M * np.cos(np.radians(lat))))
    return lat, lon


def _barometer(alt: FloatArray, rng: np.random.Generator) -> FloatArray:
    """Smooth, a slow drift of a few metres as the weather moves, 0.2 m steps."""
    drift = np.cumsum(rng.normal(0, 0.05, len(alt)))
    drift = _smooth(drift, 120)
    return floats(np.round((alt + drift + rng.normal(0, 0.05, len(alt))) * 5) / 5)


def _heart(
    outing: Outing,
    speed: FloatArray,
    grade: FloatArray,
    moving: npt.NDArray[np.bool_],
    rng: np.random.Generator,
) -> FloatArray:
    athlete = outing.athlete
    reserve = athlete.max_hr - athlete.resting_hr
    if outing.sport == "cycling":
        effort = 0.45 + 0.02 * speed + 5.0 * np.maximum(grade, -0.04)
    else:
        effort = 0.35 + 0.12 * speed + 4.0 * np.maximum(grade, -0.05)
    effort = np.where(moving, effort, 0.3)
    effort = effort - 0.06 * (outing.fitness - 0.7)  # fitter: lower for the same work
    hours = np.arange(len(speed)) / 3600
    target = athlete.resting_hr + reserve * np.clip(effort + 0.03 * hours, 0.3, 0.97)
    hr = _lag(floats(target), 25.0, start=athlete.resting_hr + 0.3 * reserve)
    return floats(np.round(hr + rng.normal(0, 1.0, len(hr))))


def _cadence(
    outing: Outing,
    speed: FloatArray,
    grade: FloatArray,
    moving: npt.NDArray[np.bool_],
    rng: np.random.Generator,
) -> FloatArray:
    n = len(speed)
    if outing.sport == "cycling":
        rpm = 84 + 4 * _wander(n, 120, rng) - 60 * np.maximum(grade, 0)
        rpm = np.where(grade < -0.035, 0, rpm)  # coasting down
    else:
        base = outing.athlete.stride_rpm
        rpm = (
            base + 4 * (speed - (outing.pace or outing.athlete).run_mps) + 1.5 * _wander(n, 60, rng)
        )
    rpm = np.where(moving, rpm, 0)
    return floats(np.round(np.clip(rpm + rng.normal(0, 0.8, n), 0, 200) * moving))


def floats(values: npt.ArrayLike) -> FloatArray:
    return np.asarray(values, dtype=np.float64)


def _wander(n: int, width: int, rng: np.random.Generator) -> FloatArray:
    """Smooth noise of unit spread, changing over about `width` samples."""
    noise = _smooth(rng.normal(0, 1, n + 2 * width), width)[width : width + n]
    spread = noise.std()
    return noise / spread if spread > 0 else noise


def _smooth(values: FloatArray, width: int) -> FloatArray:
    if width <= 1 or len(values) < 2:
        return values.astype(np.float64)
    kernel = np.hanning(width + 2)[1:-1]
    padded = np.pad(values, width, mode="edge")
    return np.convolve(padded, kernel / kernel.sum(), mode="same")[width:-width]


def _lag(target: FloatArray, tau_s: float, *, start: float) -> FloatArray:
    """First-order response to a target (heart rate catching up with effort)."""
    taps = int(5 * tau_s)
    kernel = np.exp(-np.arange(taps) / tau_s)
    padded = np.concatenate((np.full(taps, start), target))
    return np.convolve(padded, kernel / kernel.sum())[taps : taps + len(target)]

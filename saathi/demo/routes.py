"""The roads and trails of the demo, drawn from waypoints like a road book.

Each route is a list of waypoints (latitude, longitude, altitude in metres, road
kilometre) placed along the real road from memory of the map. Between two waypoints the
road is a smooth curve through them, given bends (smoothed random sideways swings, as
wide as the road winds, scaled so that the stretch is as long as the road book says) and
small undulations in height: a plausible road, not a surveyed one. Pure numpy; nothing
here knows Django.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
EARTH_RADIUS_M = 6_371_008.8
STEP_M = 5.0  # spacing of a drawn route's points

# (latitude, longitude, altitude m, road km)
Waypoint = tuple[float, float, float, float]

# Home: Lonavla, in the Sahyadri hills between Mumbai and Pune (they live there and
# drive down to the studios). Road kilometres are from the town's market.
LONAVLA = (18.7530, 73.4060)

# East along the old Mumbai-Pune highway through the Maval villages to Talegaon.
OLD_HIGHWAY: list[Waypoint] = [
    (18.7530, 73.4060, 622, 0.0),  # Lonavla
    (18.7565, 73.4200, 614, 1.6),  # Valvan
    (18.7572, 73.4380, 604, 3.6),  # Kusgaon
    (18.7600, 73.4600, 596, 6.0),  # Malavli
    (18.7640, 73.4800, 590, 8.3),  # Karla junction
    (18.7600, 73.5050, 584, 11.2),
    (18.7580, 73.5350, 590, 14.5),
    (18.7610, 73.5620, 600, 17.5),  # Kamshet
    (18.7530, 73.5980, 608, 21.6),  # Kanhe
    (18.7392, 73.6394, 615, 26.4),  # Vadgaon Maval
    (18.7350, 73.6756, 625, 30.5),  # Talegaon Dabhade
]

# To Pawna lake over the Dudhiware pass.
PAWNA: list[Waypoint] = [
    (18.7530, 73.4060, 622, 0.0),
    (18.7565, 73.4200, 614, 1.6),
    (18.7600, 73.4600, 596, 6.0),  # Malavli
    (18.7470, 73.4700, 612, 7.8),  # Bhaje
    (18.7300, 73.4800, 655, 10.3),
    (18.7150, 73.4830, 722, 12.6),  # Dudhiware pass
    (18.7000, 73.4900, 640, 15.1),
    (18.6850, 73.4950, 622, 17.4),  # the lake shore
    (18.6670, 73.4960, 616, 19.8),  # Pawna dam
]

# South-west past Bhushi dam, the naval base and Tiger's Leap towards Aamby Valley.
AAMBY: list[Waypoint] = [
    (18.7530, 73.4060, 622, 0.0),
    (18.7460, 73.4000, 614, 1.1),
    (18.7390, 73.3940, 604, 2.2),  # Bhushi dam
    (18.7300, 73.3900, 640, 3.4),  # INS Shivaji
    (18.7200, 73.3820, 672, 4.9),  # Tiger's Leap turn
    (18.7080, 73.3760, 660, 6.5),  # Lion's Point
    (18.6900, 73.3750, 642, 8.8),
    (18.6650, 73.3700, 624, 11.9),
    (18.6400, 73.3720, 602, 15.0),  # towards Aamby Valley
]

# The hill run: up the old highway through the Bor ghat from Khopoli (60 m) to Khandala
# and Lonavla (620 m), then out to Bhushi dam and back into town: 20 km, 11 of them
# climbing.
BOR_GHAT_RUN: list[Waypoint] = [
    (18.7856, 73.3445, 62, 0.0),  # Khopoli
    (18.7832, 73.3520, 78, 1.0),
    (18.7862, 73.3600, 125, 2.4),  # the ghat begins
    (18.7805, 73.3642, 225, 4.3),
    (18.7772, 73.3688, 330, 6.2),  # Shingroba temple
    (18.7731, 73.3710, 432, 8.1),
    (18.7682, 73.3731, 518, 9.7),  # Amrutanjan point
    (18.7612, 73.3758, 556, 11.2),  # Khandala
    (18.7590, 73.3860, 578, 12.5),
    (18.7560, 73.3960, 610, 13.7),
    (18.7530, 73.4060, 622, 14.9),  # Lonavla
    (18.7460, 73.4000, 614, 16.1),
    (18.7392, 73.3942, 604, 17.3),  # Bhushi dam
    (18.7445, 73.4012, 612, 18.6),
    (18.7505, 73.4075, 621, 20.0),  # back in Lonavla
]

# The holiday ride: NH1 down the Jhelum valley. From Baramulla to Uri town the road is
# about 50 km, so the 65 km are made of 2 km from the east side of Baramulla (where they
# start) into town, 50 km to Uri by Sheeri, Rampur and Boniyar, and the 6.5 km on to
# Kaman Aman Setu, the bridge on the Line of Control, and back, finishing in Uri.
# Altitude falls with the river from ~1,590 m to ~1,300 m at Uri, ~1,200 m at the bridge.
URI_KM = 52.0
BARAMULLA_URI: list[Waypoint] = [
    (34.2050, 74.3800, 1592, 0.0),  # east Baramulla
    (34.2020, 74.3600, 1590, 2.0),  # Baramulla town
    (34.1920, 74.3080, 1576, 7.6),  # Khadniyar
    (34.1760, 74.2750, 1560, 12.0),  # Sheeri
    (34.1650, 74.2400, 1531, 16.8),
    (34.1560, 74.2150, 1502, 20.6),  # Rampur
    (34.1470, 74.1900, 1466, 24.5),  # Heewan
    (34.1300, 74.1550, 1424, 29.8),  # Boniyar
    (34.1180, 74.1150, 1382, 35.9),
    (34.1050, 74.0850, 1352, 41.3),  # Mohura
    (34.0900, 74.0550, 1322, 47.2),
    (34.0860, 74.0320, 1302, URI_KM),  # Uri
    (34.0970, 74.0000, 1248, 55.4),  # Salamabad
    (34.1120, 73.9700, 1196, 58.5),  # Kaman Aman Setu
]


@dataclass(frozen=True)
class Route:
    """Points STEP_M apart along a road: position, altitude and distance from its start."""

    lat: FloatArray
    lon: FloatArray
    alt: FloatArray
    distance_m: FloatArray

    @property
    def length_m(self) -> float:
        return float(self.distance_m[-1])

    def part(self, start_m: float, end_m: float) -> Route:
        """The stretch between two road distances (either way round)."""
        wanted = np.linspace(start_m, end_m, max(2, int(abs(end_m - start_m) / STEP_M) + 1))
        return _route(*(np.interp(wanted, self.distance_m, v) for v in self._values()))

    def reversed(self) -> Route:
        return self.part(self.length_m, 0.0)

    def then(self, other: Route) -> Route:
        """This route followed by another that starts where it ends."""
        values = [
            np.concatenate((a, b[1:]))
            for a, b in zip(self._values(), other._values(), strict=False)
        ]
        return _route(*values)

    def out_and_back(self, turn_m: float) -> Route:
        out = self.part(0.0, min(turn_m, self.length_m))
        return out.then(out.reversed())

    def _values(self) -> tuple[FloatArray, FloatArray, FloatArray]:
        return self.lat, self.lon, self.alt


def _route(lat: FloatArray, lon: FloatArray, alt: FloatArray) -> Route:
    return Route(lat, lon, alt, path_length(lat, lon))


def path_length(lat: FloatArray, lon: FloatArray) -> FloatArray:
    """Cumulative distance along the points (haversine, the engine's mean radius)."""
    p1, p2 = np.radians(lat[:-1]), np.radians(lat[1:])
    dlon = np.radians(lon[1:] - lon[:-1])
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlon / 2) ** 2
    steps = 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(a, 0, 1)))
    return np.concatenate(([0.0], np.cumsum(steps)))


def draw(waypoints: list[Waypoint], *, bend_m: float, hills_m: float, seed: int) -> Route:
    """A road through the waypoints, each stretch as long as the road book says."""
    rng = np.random.default_rng(seed)
    lat0, lon0 = waypoints[0][0], waypoints[0][1]
    east = np.cos(np.radians(lat0)) * np.radians(1) * EARTH_RADIUS_M  # metres per degree
    north = np.radians(1) * EARTH_RADIUS_M
    points = np.array([((w[1] - lon0) * east, (w[0] - lat0) * north) for w in waypoints])
    xs, ys, alts = [], [], []
    for i in range(len(waypoints) - 1):
        x, y = _curve(points, i)
        x, y = _bend(x, y, (waypoints[i + 1][3] - waypoints[i][3]) * 1000, bend_m, rng)
        # Height by distance along the bent road, so a stretch climbs at an even grade.
        along = np.concatenate(([0.0], np.cumsum(np.hypot(np.diff(x), np.diff(y)))))
        share = along / along[-1] if along[-1] > 0 else np.linspace(0, 1, len(x))
        alt = waypoints[i][2] + (waypoints[i + 1][2] - waypoints[i][2]) * share
        alt += _hills(along, hills_m, rng)
        xs.append(x[:-1])
        ys.append(y[:-1])
        alts.append(alt[:-1])
    x, y = np.concatenate([*xs, points[-1:, 0]]), np.concatenate([*ys, points[-1:, 1]])
    alt = np.concatenate([*alts, [waypoints[-1][2]]])
    lat, lon = lat0 + y / north, lon0 + x / east
    rough = _route(lat, lon, alt)
    return rough.part(0.0, rough.length_m)


def _curve(points: FloatArray, i: int) -> tuple[FloatArray, FloatArray]:
    """Catmull-Rom from waypoint i to i+1, a point every metre or so."""
    p0, p1, p2, p3 = (points[min(max(j, 0), len(points) - 1)] for j in range(i - 1, i + 3))
    n = max(8, int(np.hypot(*(p2 - p1))))
    t = np.linspace(0, 1, n)[:, None]
    curve = 0.5 * (
        2 * p1
        + (p2 - p0) * t
        + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t**2
        + (3 * p1 - p0 - 3 * p2 + p3) * t**3
    )
    return curve[:, 0], curve[:, 1]


def _bend(
    x: FloatArray, y: FloatArray, length_m: float, bend_m: float, rng: np.random.Generator
) -> tuple[FloatArray, FloatArray]:
    """Bend the stretch sideways until it is length_m long (ends kept in place)."""
    s = np.concatenate(([0.0], np.cumsum(np.hypot(np.diff(x), np.diff(y)))))
    if s[-1] <= 0:
        return x, y
    u = s / s[-1]
    dx, dy = np.gradient(x, s), np.gradient(y, s)
    norm = np.hypot(dx, dy) + 1e-12
    nx, ny = -dy / norm, dx / norm
    # Bends of irregular size and spacing (smoothed noise), on top of wider sweeps.
    step = s[-1] / max(len(s) - 1, 1)
    wave = _meander(len(s), bend_m / step, rng) + 0.6 * _meander(len(s), 3 * bend_m / step, rng)
    wave *= np.sin(np.pi * u) ** 0.5  # no sideways step where stretches meet

    def bent(amplitude: float) -> tuple[FloatArray, FloatArray]:
        return x + amplitude * wave * nx, y + amplitude * wave * ny

    def length(amplitude: float) -> float:
        bx, by = bent(amplitude)
        return float(np.hypot(np.diff(bx), np.diff(by)).sum())

    if length(0.0) >= length_m:
        return x, y
    low, high = 0.0, bend_m
    while length(high) < length_m and high < 20 * bend_m:
        high *= 2
    for _ in range(40):
        middle = (low + high) / 2
        low, high = (middle, high) if length(middle) < length_m else (low, middle)
    return bent((low + high) / 2)


def _meander(n: int, width: float, rng: np.random.Generator) -> FloatArray:
    """Smooth noise of unit spread whose swings are about `width` points long."""
    taps = max(3, int(width))
    kernel = np.hanning(taps + 2)[1:-1]
    noise = np.convolve(rng.normal(0, 1, n + 2 * taps), kernel, mode="same")[taps : taps + n]
    spread = float(noise.std())
    wave: FloatArray = noise / spread if spread > 0 else noise
    return wave


def _hills(s: FloatArray, hills_m: float, rng: np.random.Generator) -> FloatArray:
    """Rises and dips along a stretch (s: metres along it), zero at both ends."""
    waves = np.zeros(len(s))
    for wavelength in (400.0, 900.0, 2100.0):
        waves += np.sin(2 * np.pi * s / wavelength + rng.uniform(0, 2 * np.pi))
    taper = np.sin(np.pi * s / max(float(s[-1]), 1.0))
    hills: FloatArray = hills_m / 3 * waves * taper
    return hills


@dataclass(frozen=True)
class Atlas:
    """Every road of the demo, drawn once per process."""

    old_highway: Route
    pawna: Route
    aamby: Route
    bor_ghat_run: Route
    baramulla_uri: Route  # to Kaman Aman Setu: the ride goes there and back to Uri

    def holiday_ride(self) -> Route:
        """Baramulla to Uri, then to Kaman Aman Setu and back to Uri: 65 km."""
        road = self.baramulla_uri
        to_uri = road.part(0.0, URI_KM * 1000)
        setu = road.part(URI_KM * 1000, road.length_m)
        return to_uri.then(setu).then(setu.reversed())


@cache
def atlas() -> Atlas:
    return Atlas(
        old_highway=draw(OLD_HIGHWAY, bend_m=1500, hills_m=6, seed=1),
        pawna=draw(PAWNA, bend_m=900, hills_m=10, seed=2),
        aamby=draw(AAMBY, bend_m=900, hills_m=8, seed=3),
        bor_ghat_run=draw(BOR_GHAT_RUN, bend_m=350, hills_m=4, seed=4),
        baramulla_uri=draw(BARAMULLA_URI, bend_m=1800, hills_m=9, seed=5),
    )

"""The Track: what every reader produces and every figure is computed from.

One recording is a set of aligned numpy arrays, one value per sample, with NaN where
the sample has no value (no fix, no heart rate strap, no time in a GPX point). Readers
fill it; nothing downstream ever sees a half-parsed file.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from typing import Literal

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

# Where altitude came from decides how hard it is smoothed (see ALGORITHMS.md):
# a barometer is precise to ~0.1 m, GPS altitude wanders by metres. A reader that
# cannot tell says "unknown" and the figures judge from the samples' noise.
AltitudeSource = Literal["barometric", "gps", "unknown", "none"]

# The per-sample channels, in the order they are stored.
CHANNELS = (
    "time",  # seconds since the Unix epoch, UTC; NaN when the point has no time
    "lat",  # degrees
    "lon",  # degrees
    "alt",  # metres above sea level
    "distance",  # the device's own cumulative distance, metres
    "speed",  # the device's own speed, m/s
    "heart_rate",  # bpm
    "cadence",  # rpm (running cadence as the device wrote it: strides or steps per min)
    "power",  # W
    "temperature",  # °C
)


class TrackError(Exception):
    """The one error a reader raises: what is wrong, and where, in words a person reads.

    `offset` is a byte offset into the (decompressed) file, `line` a line number in an
    XML file; the message already names them, they are kept for programs.
    """

    def __init__(self, message: str, *, offset: int | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.line = line


@dataclass
class Totals:
    """Figures for a whole activity, session or lap. Any may be unknown (None)."""

    distance_m: float | None = None
    timer_s: float | None = None
    elapsed_s: float | None = None
    moving_s: float | None = None
    ascent_m: float | None = None
    descent_m: float | None = None
    avg_speed_mps: float | None = None
    max_speed_mps: float | None = None
    avg_hr: float | None = None
    max_hr: float | None = None
    avg_cadence: float | None = None
    avg_power: float | None = None
    max_power: float | None = None
    calories: float | None = None

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))

    def as_dict(self) -> dict[str, float | None]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass
class Lap:
    """A lap as the file wrote it: its time span and the device's own totals."""

    start: float  # Unix seconds, UTC
    end: float
    totals: Totals = field(default_factory=Totals)
    trigger: str | None = None  # "manual", "distance", "session_end", ...


@dataclass
class Session:
    """One sport within a file; multisport files have several (swim, T1, bike, ...)."""

    sport: str
    sub_sport: str
    start: float  # Unix seconds, UTC
    end: float
    totals: Totals = field(default_factory=Totals)


@dataclass
class Track:
    """One recording: aligned sample arrays plus what the file says about itself.

    Sport and sub-sport use the FIT profile's names ("running", "cycling", "training"
    with "yoga", ...); GPX and TCX readers map their own words onto them.
    """

    format: Literal["fit", "gpx", "tcx"]
    time: FloatArray
    lat: FloatArray
    lon: FloatArray
    alt: FloatArray
    distance: FloatArray
    speed: FloatArray
    heart_rate: FloatArray
    cadence: FloatArray
    power: FloatArray
    temperature: FloatArray
    altitude_source: AltitudeSource = "none"
    # Index of the first sample of each new segment after the first: a GPX <trkseg>
    # or <trk> boundary, a TCX <Track>/<Activity> boundary. Distance is never bridged
    # across one.
    breaks: list[int] = field(default_factory=list)
    # Intervals (start, end) in Unix seconds when the device's timer was stopped.
    pauses: list[tuple[float, float]] = field(default_factory=list)
    laps: list[Lap] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    sport: str = "generic"
    sub_sport: str = "generic"
    device: str | None = None
    # The file's own totals for the whole recording (FIT session(s), summed TCX laps).
    totals: Totals | None = None
    # Seconds to add to UTC for the device's local time, when the file says (FIT
    # activity.local_timestamp); a fallback for the time zone.
    local_offset_s: float | None = None
    name: str | None = None  # a name the file carries (GPX <name>), if any
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        n = len(self.time)
        for channel in CHANNELS:
            array = getattr(self, channel)
            if array.dtype != np.float64 or array.shape != (n,):
                raise ValueError(f"channel {channel} must be float64 of shape ({n},)")

    @classmethod
    def empty_channels(cls, n: int) -> dict[str, FloatArray]:
        """NaN-filled arrays for every channel, for readers to fill in."""
        return {channel: np.full(n, np.nan) for channel in CHANNELS}

    def __len__(self) -> int:
        return len(self.time)

    def has(self, channel: str) -> bool:
        """True when the channel has at least one real value."""
        array: FloatArray = getattr(self, channel)
        return bool(np.isfinite(array).any())

    @property
    def has_position(self) -> bool:
        return bool((np.isfinite(self.lat) & np.isfinite(self.lon)).any())

    @property
    def start_time(self) -> datetime | None:
        finite = self.time[np.isfinite(self.time)]
        if finite.size == 0:
            return None
        return datetime.fromtimestamp(float(finite[0]), tz=UTC)

    def slice(self, start: float, end: float) -> Track:
        """The part of the recording between two times (inclusive), e.g. one session."""
        keep = (self.time >= start) & (self.time <= end)
        index = np.flatnonzero(keep)
        first = int(index[0]) if index.size else 0
        channels = {channel: getattr(self, channel)[keep] for channel in CHANNELS}
        return replace(
            self,
            **channels,
            breaks=[b - first for b in self.breaks if first < b <= first + index.size - 1],
            pauses=[(a, b) for a, b in self.pauses if b > start and a < end],
            laps=[lap for lap in self.laps if lap.start >= start and lap.end <= end],
            sessions=[s for s in self.sessions if s.start >= start and s.end <= end],
            totals=None,
            warnings=list(self.warnings),
        )

    def session_track(self, index: int) -> Track:
        """The samples of one session, with that session's sport and device totals."""
        session = self.sessions[index]
        part = self.slice(session.start, session.end)
        part.sport, part.sub_sport = session.sport, session.sub_sport
        part.totals = session.totals
        part.sessions = [session]
        return part

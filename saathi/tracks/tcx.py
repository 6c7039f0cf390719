"""Read Garmin Training Center (TCX) files into a Track.

A TCX file holds activities, each made of laps that carry the device's own totals and
hold <Track> segments of points. Every activity becomes a Session, every lap a Lap, and
the file's totals combine the laps the way the device would (times and distances summed,
heart rate weighted by time). Extensions (speed, watts, running cadence) are found by
namespace URI.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from lxml import etree

from saathi.tracks.track import FloatArray, Lap, Session, Totals, Track, TrackError
from saathi.tracks.xml import (
    Batch,
    Column,
    Damage,
    Document,
    line_of,
    new_track,
    optional_float,
    optional_time,
    order_warning,
)
from saathi.tracks.xml_fast import FastColumns

TPX = "http://www.garmin.com/xmlschemas/ActivityExtension/v2"

COLUMNS = [
    Column("time", ("t:Time",)),
    Column("lat", ("t:Position", "t:LatitudeDegrees"), label="LatitudeDegrees"),
    Column("lon", ("t:Position", "t:LongitudeDegrees"), label="LongitudeDegrees"),
    Column("alt", ("t:AltitudeMeters",), label="AltitudeMeters"),
    Column("distance", ("t:DistanceMeters",), label="DistanceMeters"),
    Column("heart_rate", ("t:HeartRateBpm", "t:Value"), label="HeartRateBpm"),
    Column("cadence", ("t:Cadence",), label="Cadence"),
    Column("cadence", ("t:Extensions", "x:TPX", "x:RunCadence"), TPX, "RunCadence"),
    Column("speed", ("t:Extensions", "x:TPX", "x:Speed"), TPX, "Speed"),
    Column("power", ("t:Extensions", "x:TPX", "x:Watts"), TPX, "Watts"),
]
SPORTS = {"running": "running", "biking": "cycling", "cycling": "cycling", "swimming": "swimming"}
TRIGGERS = {
    "manual": "manual",
    "distance": "distance",
    "time": "time",
    "location": "position_lap",
    "heartrate": "heart_rate",
}
# Garmin Connect writes the model without the maker ("Forerunner 935").
GARMIN_FAMILIES = (
    "forerunner",
    "edge",
    "fenix",
    "fēnix",
    "vivoactive",
    "vívoactive",
    "venu",
    "instinct",
    "epix",
    "enduro",
    "approach",
    "descent",
    "oregon",
    "etrex",
    "gpsmap",
    "montana",
)


def parse_tcx(chunks: Iterable[bytes], *, fast: bool = True) -> Track:
    """`fast=False` reads every point through lxml, the path that judges the fast one."""
    tags = [f"{{*}}{t}" for t in _TcxReader.STRUCTURE]
    fast_columns = FastColumns(b"Trackpoint", COLUMNS, {"x": TPX}, core="t")
    document = Document(
        chunks, tags, fast=fast_columns if fast else None, points=(b"Trackpoint",), columns=COLUMNS
    )
    reader = _TcxReader(document, fast_columns if fast else None)
    document.on_feed = reader.on_feed
    try:
        for element in document:
            reader.handle(element)
    except Damage as error:
        if not reader.points():
            raise
        reader.warnings.append(f"{error.message}; kept the {reader.points()} points before it")
    return reader.track()


def device_name(name: str | None) -> str | None:
    name = (name or "").strip()
    if not name:
        return None
    if name.lower().startswith(GARMIN_FAMILIES):
        return f"Garmin {name}"[:100]
    return name[:100]


@dataclass
class _LapRecord:
    lap: Lap
    first: int  # index of its first point
    stop: int  # one past its last point


@dataclass
class _ActivityRecord:
    sport: str
    start: float | None
    laps: list[_LapRecord] = field(default_factory=list)
    first: int = 0
    stop: int = 0


class _TcxReader:
    STRUCTURE = ("Trackpoint", "Track", "Lap", "Activity")

    def __init__(self, document: Document, fast: FastColumns | None = None):
        self.document = document
        self.fast = fast
        self.warnings: list[str] = []
        self.batch: Batch | None = None
        self.ends: set[int] = set()
        self.laps: list[_LapRecord] = []
        self.activities: list[_ActivityRecord] = []
        self.device: str | None = None
        self.lap_first = 0
        self.activity_first = 0

    def _start(self, root: etree._Element) -> None:
        qname = etree.QName(root)
        if qname.localname != "TrainingCenterDatabase":
            raise TrackError(f"not a TCX file: the root element is <{qname.localname}>")
        self.ns = qname.namespace or ""
        prefixes = {"x": TPX}
        columns = COLUMNS
        if self.ns:
            prefixes["t"] = self.ns
        else:
            columns = [
                Column(
                    c.channel, tuple(s.removeprefix("t:") for s in c.steps), c.namespace, c.label
                )
                for c in COLUMNS
            ]
        point = "t:Trackpoint" if self.ns else "Trackpoint"
        self.batch = Batch(point, columns, prefixes, self.document, self.fast)
        self.tag = {t: f"{{{self.ns}}}{t}" if self.ns else t for t in self.STRUCTURE}

    def on_feed(self) -> None:
        if self.batch is not None:
            self.batch.flush_if_full()

    def handle(self, element: etree._Element) -> None:
        if self.batch is None:
            assert self.document.root is not None
            self._start(self.document.root)
        assert self.batch is not None
        tag = element.tag
        if tag == self.tag["Trackpoint"]:
            self.batch.add(element)
        elif tag == self.tag["Track"]:
            self.batch.flush()
            self.ends.add(self.batch.count)
        elif tag == self.tag["Lap"]:
            self.batch.flush()
            self._lap(element)
        elif tag == self.tag["Activity"]:
            self.batch.flush()
            self._activity(element)

    def _child(self, element: etree._Element, *path: str) -> etree._Element | None:
        found: etree._Element | None = element
        for name in path:
            assert found is not None
            found = found.find(f"{{{self.ns}}}{name}" if self.ns else name)
            if found is None:
                return None
        return found

    def _number(self, element: etree._Element, *path: str) -> float | None:
        found = self._child(element, *path)
        if found is None:
            return None
        return optional_float(found.text, path[0], line_of(found, self.document))

    def _lap(self, element: etree._Element) -> None:
        assert self.batch is not None
        line = line_of(element, self.document)
        start = optional_time(element.get("StartTime"), "lap StartTime", line)
        timer = self._number(element, "TotalTimeSeconds")
        totals = Totals(
            timer_s=timer,
            distance_m=self._number(element, "DistanceMeters"),
            max_speed_mps=self._number(element, "MaximumSpeed"),
            calories=self._number(element, "Calories"),
            avg_hr=self._number(element, "AverageHeartRateBpm", "Value"),
            max_hr=self._number(element, "MaximumHeartRateBpm", "Value"),
            avg_cadence=self._number(element, "Cadence"),
        )
        self._lap_extensions(element, totals)
        trigger = self._child(element, "TriggerMethod")
        trigger_text = (trigger.text or "").strip().lower() if trigger is not None else ""
        stop = self.batch.count
        lap = Lap(
            start=start if start is not None else np.nan,
            end=np.nan,
            totals=totals,
            trigger=TRIGGERS.get(trigger_text, trigger_text or None),
        )
        self.laps.append(_LapRecord(lap, self.lap_first, stop))
        self.lap_first = stop
        _drop(element)

    def _lap_extensions(self, element: etree._Element, totals: Totals) -> None:
        lx = element.find(
            f"{{{self.ns}}}Extensions/{{{TPX}}}LX" if self.ns else f"Extensions/{{{TPX}}}LX"
        )
        if lx is None:
            return
        values = {}
        for name in ("AvgSpeed", "AvgRunCadence", "AvgWatts", "MaxWatts"):
            found = lx.find(f"{{{TPX}}}{name}")
            if found is not None:
                values[name] = optional_float(found.text, name, line_of(found, self.document))
        totals.avg_speed_mps = values.get("AvgSpeed")
        totals.avg_power = values.get("AvgWatts")
        totals.max_power = values.get("MaxWatts")
        if totals.avg_cadence is None:
            totals.avg_cadence = values.get("AvgRunCadence")

    def _activity(self, element: etree._Element) -> None:
        assert self.batch is not None
        sport = SPORTS.get((element.get("Sport") or "").strip().lower(), "generic")
        identifier = self._child(element, "Id")
        start = None
        if identifier is not None:
            start = optional_time(
                identifier.text, "activity Id", line_of(identifier, self.document)
            )
        name = self._child(element, "Creator", "Name")
        if self.device is None and name is not None:
            self.device = device_name(name.text)
        stop = self.batch.count
        activity = _ActivityRecord(sport, start, self.laps, self.activity_first, stop)
        self.activities.append(activity)
        self.laps = []
        self.activity_first = stop
        self.ends.add(stop)
        _drop(element)

    def points(self) -> int:
        if self.batch is None:
            return 0
        self.batch.flush()
        return self.batch.count

    def track(self) -> Track:
        n = self.points()
        laps = [record for activity in self.activities for record in activity.laps] + self.laps
        if self.batch is None or (n == 0 and not laps):
            raise TrackError("the TCX file has no activities with laps or track points")
        channels = self.batch.channels()
        track = new_track("tcx", channels)
        track.warnings = list(self.warnings)
        warning = order_warning(channels["time"], self.batch.lines)
        if warning:
            track.warnings.append(warning)
        _clean(channels)
        track.altitude_source = "unknown" if np.isfinite(channels["alt"]).any() else "none"
        track.breaks = sorted(b for b in self.ends if 0 < b < n)
        for record in laps:
            _finish_lap(record, channels["time"])
        track.laps = [record.lap for record in laps]
        track.sessions = [_session(a, channels["time"]) for a in self.activities]
        sports = {session.sport for session in track.sessions}
        track.sport = sports.pop() if len(sports) == 1 else "multisport" if sports else "generic"
        totals = combine_totals([lap.totals for lap in track.laps])
        track.totals = None if totals.is_empty() else totals
        track.device = self.device
        return track


def _drop(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _clean(channels: dict[str, FloatArray]) -> None:
    """0 bpm is a strap that is not there; positions off the globe are no positions."""
    heart_rate = channels["heart_rate"]
    heart_rate[heart_rate <= 0] = np.nan
    lat, lon = channels["lat"], channels["lon"]
    off = (np.abs(lat) > 90) | (np.abs(lon) > 180)
    lat[off] = np.nan
    lon[off] = np.nan


def _finish_lap(record: _LapRecord, time: FloatArray) -> None:
    """A lap ends at its last point, or after its timer time when the points stop short."""
    lap = record.lap
    times = time[record.first : record.stop]
    times = times[np.isfinite(times)]
    if not np.isfinite(lap.start) and times.size:
        lap.start = float(times[0])
    ends = [float(times[-1])] if times.size else []
    if np.isfinite(lap.start) and lap.totals.timer_s is not None:
        ends.append(lap.start + lap.totals.timer_s)
    lap.end = max(ends) if ends else lap.start


def _session(activity: _ActivityRecord, time: FloatArray) -> Session:
    times = time[activity.first : activity.stop]
    times = times[np.isfinite(times)]
    starts = [lap.lap.start for lap in activity.laps if np.isfinite(lap.lap.start)]
    start = activity.start if activity.start is not None else min(starts, default=np.nan)
    if not np.isfinite(start) and times.size:
        start = float(times[0])
    ends = [lap.lap.end for lap in activity.laps if np.isfinite(lap.lap.end)]
    if times.size:
        ends.append(float(times[-1]))
    end = max(ends) if ends else start
    totals = combine_totals([lap.lap.totals for lap in activity.laps])
    return Session(activity.sport, "generic", start, end, totals)


def combine_totals(laps: list[Totals]) -> Totals:
    """The whole from its laps: times, distances and calories add up, maxima take the
    largest, averages are weighted by each lap's timer time."""

    def total(name: str) -> float | None:
        values = [getattr(t, name) for t in laps if getattr(t, name) is not None]
        return float(sum(values)) if values else None

    def largest(name: str) -> float | None:
        values = [getattr(t, name) for t in laps if getattr(t, name) is not None]
        return float(max(values)) if values else None

    def weighted(name: str) -> float | None:
        pairs = [(getattr(t, name), t.timer_s) for t in laps if getattr(t, name) is not None]
        weight = sum(w for _, w in pairs if w)
        if not pairs or not weight:
            return None
        return float(sum(v * w for v, w in pairs if w) / weight)

    return Totals(
        distance_m=total("distance_m"),
        timer_s=total("timer_s"),
        calories=total("calories"),
        max_speed_mps=largest("max_speed_mps"),
        max_hr=largest("max_hr"),
        max_power=largest("max_power"),
        avg_hr=weighted("avg_hr"),
        avg_speed_mps=weighted("avg_speed_mps"),
        avg_cadence=weighted("avg_cadence"),
        avg_power=weighted("avg_power"),
    )

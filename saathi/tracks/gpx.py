"""Read GPX 1.0 and 1.1 into a Track.

All tracks and segments are joined in file order, each later segment recorded as a break;
a file with no track points reads its route (<rte>) instead. Extensions are found by
namespace URI, never by prefix: Garmin Connect writes `ns3:hr`, Strava `gpxtpx:hr`, both
meaning TrackPointExtension/v1.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import BinaryIO

import numpy as np
from lxml import etree

from saathi.tracks.track import AltitudeSource, FloatArray, Track, TrackError
from saathi.tracks.xml import (
    CHUNK,
    Batch,
    Column,
    Damage,
    Document,
    new_track,
    order_warning,
)
from saathi.tracks.xml_fast import FastColumns

TPX1 = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1"
TPX2 = "http://www.garmin.com/xmlschemas/TrackPointExtension/v2"
GPXX = "http://www.garmin.com/xmlschemas/GpxExtensions/v3"
POWER = "http://www.garmin.com/xmlschemas/PowerExtension/v1"
GPXDATA = "http://www.cluetrust.com/XML/GPXDATA/1/0"
OSMAND = "https://osmand.net"
PREFIXES = {"t1": TPX1, "t2": TPX2, "gx": GPXX, "pw": POWER, "gd": GPXDATA, "os": OSMAND}


def _tpx(channel: str, name: str) -> list[Column]:
    return [
        Column(channel, ("g:extensions", f"{p}:TrackPointExtension", f"{p}:{name}"), uri)
        for p, uri in (("t1", TPX1), ("t2", TPX2))
    ]


# In order of preference for each channel; later columns only fill gaps.
COLUMNS = [
    Column("lat", ("@lat",), label="latitude"),
    Column("lon", ("@lon",), label="longitude"),
    Column("alt", ("g:ele",), label="elevation"),
    Column("time", ("g:time",)),
    *_tpx("heart_rate", "hr"),
    Column("heart_rate", ("g:extensions", "gd:hr"), GPXDATA),
    *_tpx("cadence", "cad"),
    Column("cadence", ("g:extensions", "gd:cadence"), GPXDATA),
    *_tpx("temperature", "atemp"),
    Column("temperature", ("g:extensions", "gd:temp"), GPXDATA),
    Column("temperature", ("g:extensions", "gx:TrackPointExtension", "gx:Temperature"), GPXX),
    *_tpx("temperature", "wtemp"),
    *_tpx("speed", "speed"),
    Column("speed", ("g:speed",)),  # GPX 1.0 has <speed> in the point itself
    Column("speed", ("g:extensions", "os:speed"), OSMAND),
    Column("power", ("g:extensions", "g:power")),  # Strava
    Column("power", ("g:extensions", "pw:PowerExtension", "pw:PowerInWatts"), POWER),
    # Apple Watch writes PowerInWatts in the TrackPointExtension namespace.
    Column("power", ("g:extensions", "t1:PowerExtension", "t1:PowerInWatts"), TPX1),
    Column("distance", ("g:extensions", "gd:distance"), GPXDATA),
]

# Strava writes its activity type as a number in <type>.
STRAVA_TYPES = {"1": "cycling", "4": "hiking", "9": "running", "10": "walking"}
SPORT_WORDS = {
    "running": ("run", "running", "trailrun", "virtualrun", "jogging"),
    "cycling": ("ride", "cycling", "biking", "bike", "virtualride", "mountainbiking", "ebikeride"),
    "hiking": ("hike", "hiking"),
    "walking": ("walk", "walking"),
    "swimming": ("swim", "swimming"),
    "rowing": ("row", "rowing"),
    "cross_country_skiing": ("nordicski", "crosscountryskiing"),
    "alpine_skiing": ("alpineski", "skiing"),
}
WORD_SPORT = {word: sport for sport, words in SPORT_WORDS.items() for word in words}
# Creators that convert or export other devices' recordings: they name no device.
NOT_DEVICES = ("strava", "garmin connect", "gpsbabel", "gpx.py", "gpxpy", "http", "www.")
# Phone apps whose <ele> is GPS altitude.
GPS_ALTITUDE = ("opentracks", "osmand")


def read_gpx(stream: BinaryIO) -> Track:
    """Read a GPX file from a binary stream, in bounded memory."""
    return parse_gpx(iter(lambda: stream.read(CHUNK), b""))


def parse_gpx(chunks: Iterable[bytes], *, fast: bool = True) -> Track:
    """`fast=False` reads every point through lxml, the path that judges the fast one."""
    tags = [f"{{*}}{t}" for t in _GpxReader.STRUCTURE]
    fast_columns = FastColumns(b"trkpt", COLUMNS, PREFIXES, core="g")
    document = Document(
        chunks,
        tags,
        fast=fast_columns if fast else None,
        points=(b"trkpt", b"rtept"),
        columns=COLUMNS,
    )
    reader = _GpxReader(document, fast_columns if fast else None)
    document.on_feed = reader.on_feed
    try:
        for element in document:
            reader.handle(element)
    except Damage as error:
        if not reader.points():
            raise
        reader.warnings.append(f"{error.message}; kept the {reader.points()} points before it")
    return reader.track()


def sport_from_type(text: str | None) -> str:
    if not text:
        return "generic"
    word = "".join(ch for ch in text.lower() if ch.isalnum())
    return STRAVA_TYPES.get(word) or WORD_SPORT.get(word) or "generic"


def device_from_creator(creator: str | None) -> str | None:
    name = (creator or "").strip()
    if not name or any(word in name.lower() for word in NOT_DEVICES):
        return None
    return name[:100]


class _GpxReader:
    STRUCTURE = ("trkpt", "rtept", "trkseg", "trk", "rte", "wpt", "metadata")

    def __init__(self, document: Document, fast: FastColumns | None = None):
        self.document = document
        self.fast = fast
        self.warnings: list[str] = []
        self.name: str | None = None
        self.metadata_name: str | None = None
        self.type: str | None = None
        self.tracks: Batch | None = None
        self.routes: Batch | None = None
        self.track_ends: set[int] = set()
        self.route_ends: set[int] = set()

    def _start(self, root: etree._Element) -> None:
        qname = etree.QName(root)
        if qname.localname != "gpx":
            raise TrackError(f"not a GPX file: the root element is <{qname.localname}>")
        self.ns = qname.namespace or ""
        self.tag = {t: f"{{{self.ns}}}{t}" if self.ns else t for t in self.STRUCTURE}
        prefixes = dict(PREFIXES)
        if self.ns:
            prefixes["g"] = self.ns
        columns = [_core(c, bool(self.ns)) for c in COLUMNS]
        point = "g:trkpt" if self.ns else "trkpt"
        self.tracks = Batch(point, columns, prefixes, self.document, self.fast)
        self.routes = Batch(point.replace("trkpt", "rtept"), columns, prefixes, self.document)
        self.creator = root.get("creator")

    def on_feed(self) -> None:
        if self.tracks is not None and self.routes is not None:
            self.tracks.flush_if_full()
            self.routes.flush_if_full()

    def handle(self, element: etree._Element) -> None:
        if self.tracks is None:
            assert self.document.root is not None
            self._start(self.document.root)
        assert self.tracks is not None and self.routes is not None
        tag = element.tag
        if tag == self.tag["trkpt"]:
            self.tracks.add(element)
        elif tag == self.tag["rtept"]:
            self.routes.add(element)
        elif tag in (self.tag["trkseg"], self.tag["trk"]):
            self.tracks.flush()
            self.track_ends.add(self.tracks.count)
            if tag == self.tag["trk"]:
                self._describe(element)
        elif tag == self.tag["rte"]:
            self.routes.flush()
            self.route_ends.add(self.routes.count)
            self._describe(element)
        elif tag == self.tag["wpt"]:
            _drop(element)
        elif tag == self.tag["metadata"]:
            self.metadata_name = self._text(element, "name")

    def _text(self, element: etree._Element, name: str) -> str | None:
        found = element.find(f"{{{self.ns}}}{name}" if self.ns else name)
        text = found.text if found is not None else None
        return text.strip() if text and text.strip() else None

    def _describe(self, element: etree._Element) -> None:
        self.name = self.name or self._text(element, "name")
        self.type = self.type or self._text(element, "type")
        _drop(element)

    def points(self) -> int:
        if self.tracks is None or self.routes is None:
            return 0
        self.tracks.flush()
        self.routes.flush()
        return self.tracks.count or self.routes.count

    def track(self) -> Track:
        if not self.points():
            raise TrackError("the GPX file has no track or route points")
        assert self.tracks is not None and self.routes is not None
        batch, ends = (self.tracks, self.track_ends)
        if not self.tracks.count:
            batch, ends = (self.routes, self.route_ends)
        channels = batch.channels()
        n = batch.count
        warnings = list(self.warnings)
        warning = order_warning(channels["time"], batch.lines)
        if warning:
            warnings.append(warning)
        warnings.extend(_clean(channels, batch.lines))
        track = new_track("gpx", channels)
        track.altitude_source = self._altitude_source(channels["alt"])
        track.breaks = sorted(b for b in ends if 0 < b < n)
        track.sport = sport_from_type(self.type)
        track.device = device_from_creator(self.creator)
        track.name = self.name or self.metadata_name
        track.warnings = warnings
        return track

    def _altitude_source(self, alt: FloatArray) -> AltitudeSource:
        if not np.isfinite(alt).any():
            return "none"
        creator = (self.creator or "").lower()
        if any(app in creator for app in GPS_ALTITUDE):
            return "gps"
        return "unknown"


def _core(column: Column, namespaced: bool) -> Column:
    """A GPX file without a namespace has its core elements in no namespace at all."""
    if namespaced:
        return column
    steps = tuple(s.removeprefix("g:") for s in column.steps)
    return Column(column.channel, steps, column.namespace, column.label)


def _drop(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _clean(channels: dict[str, FloatArray], lines: Sequence[int]) -> list[str]:
    """Values no device means: 0 bpm is a strap that is not there; positions off the globe."""
    heart_rate = channels["heart_rate"]
    heart_rate[heart_rate <= 0] = np.nan
    warnings = []
    lat, lon = channels["lat"], channels["lon"]
    off = (np.abs(lat) > 90) | (np.abs(lon) > 180)
    if off.any():
        first = int(np.flatnonzero(off)[0])
        warnings.append(
            f"{int(off.sum())} points lie off the globe (first at line {lines[first]}); "
            "their positions were dropped"
        )
        lat[off] = np.nan
        lon[off] = np.nan
    return warnings

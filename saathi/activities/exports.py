"""Files an owner takes away: the original as uploaded, and a GPX built from the streams.

Callers load the activity through Activity.objects.visible_to first; these functions
trust the activity they are given.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from itertools import pairwise
from xml.sax.saxutils import escape, quoteattr

import numpy as np

from saathi.activities.models import Activity, ImportJob
from saathi.tracks.track import Track

GPX_NS = "http://www.topografix.com/GPX/1/1"
# Garmin's TrackPointExtension v2 (hr, cad, atemp) and PowerExtension: what Strava,
# Garmin Connect, GoldenCheetah and Saathi's own reader understand.
TPX_NS = "http://www.garmin.com/xmlschemas/TrackPointExtension/v2"
POWER_NS = "http://www.garmin.com/xmlschemas/PowerExtension/v1"


def original_file(activity: Activity) -> ImportJob | None:
    """The import job holding the file this activity was made from (None when manual).

    Its `original` is the stored file (on disk or S3), `original_name` the name it
    came with.
    """
    return activity.import_jobs.exclude(original="").order_by("created").first()


def gpx_filename(activity: Activity) -> str:
    words = re.sub(r"[^\w.-]+", "-", activity.title, flags=re.ASCII).strip("-")
    return f"{activity.local_date.isoformat()}-{words or 'activity'}.gpx"


def track_gpx(activity: Activity, track: Track | None = None) -> bytes:
    """A GPX 1.1 document of `track` (points with a position): by default the whole
    stored streams, the owner's; for anyone else pass privacy.visible_track's part.

    Segments follow the recording's own breaks; heart rate, cadence and temperature
    go in TrackPointExtension, power in PowerExtension.
    """
    if track is None:
        track = activity.streams.load()
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<gpx version="1.1" creator="Saathi" xmlns="{GPX_NS}" '
        f'xmlns:gpxtpx="{TPX_NS}" xmlns:gpxpx="{POWER_NS}">\n'
        f" <metadata><name>{escape(activity.title)}</name>"
        f"<time>{_iso(activity.start_time.timestamp())}</time></metadata>\n"
        f" <trk>\n  <name>{escape(activity.title)}</name>\n"
        f"  <type>{escape(activity.sport)}</type>\n"
    )
    segments = "".join(_segment(track, a, b) for a, b in _spans(track))
    return (head + segments + " </trk>\n</gpx>\n").encode()


def _spans(track: Track) -> list[tuple[int, int]]:
    edges = [0, *sorted(b for b in track.breaks if 0 < b < len(track)), len(track)]
    return [(a, b) for a, b in pairwise(edges) if b > a]


def _segment(track: Track, start: int, stop: int) -> str:
    index = np.arange(start, stop)
    index = index[np.isfinite(track.lat[index]) & np.isfinite(track.lon[index])]
    if index.size == 0:
        return ""
    points = [_point(track, int(i)) for i in index]
    return "  <trkseg>\n" + "".join(points) + "  </trkseg>\n"


def _point(track: Track, i: int) -> str:
    inner = []
    if np.isfinite(track.alt[i]):
        inner.append(f"<ele>{track.alt[i]:.2f}</ele>")
    if np.isfinite(track.time[i]):
        inner.append(f"<time>{_iso(float(track.time[i]))}</time>")
    extensions = _extensions(track, i)
    if extensions:
        inner.append(f"<extensions>{extensions}</extensions>")
    lat, lon = quoteattr(f"{track.lat[i]:.7f}"), quoteattr(f"{track.lon[i]:.7f}")
    return f"   <trkpt lat={lat} lon={lon}>{''.join(inner)}</trkpt>\n"


def _extensions(track: Track, i: int) -> str:
    tpx = "".join(
        f"<gpxtpx:{tag}>{value:{style}}</gpxtpx:{tag}>"
        for tag, value, style in (
            ("atemp", track.temperature[i], ".1f"),
            ("hr", track.heart_rate[i], ".0f"),
            ("cad", track.cadence[i], ".0f"),
        )
        if np.isfinite(value)
    )
    out = f"<gpxtpx:TrackPointExtension>{tpx}</gpxtpx:TrackPointExtension>" if tpx else ""
    if np.isfinite(track.power[i]):
        watts = f"<gpxpx:PowerInWatts>{track.power[i]:.0f}</gpxpx:PowerInWatts>"
        out += f"<gpxpx:PowerExtension>{watts}</gpxpx:PowerExtension>"
    return out


def _iso(seconds: float) -> str:
    moment = datetime.fromtimestamp(seconds, tz=UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")

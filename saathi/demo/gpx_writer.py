"""Samples as a GPX 1.1 file with Garmin's TrackPointExtension (heart rate, cadence).

No track name: the engine titles the activity from its places, as it would a file from a
phone that names nothing.
"""

from __future__ import annotations

from datetime import UTC

import numpy as np

from saathi.demo.motion import Samples

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="{creator}" xmlns="http://www.topografix.com/GPX/1/1" \
xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
 <metadata><time>{time}</time></metadata>
 <trk>
  <type>{sport}</type>
  <trkseg>
"""
POINT = (
    '   <trkpt lat="%.7f" lon="%.7f"><ele>%.1f</ele><time>%s</time><extensions>'
    "<gpxtpx:TrackPointExtension><gpxtpx:hr>%d</gpxtpx:hr><gpxtpx:cad>%d</gpxtpx:cad>"
    "</gpxtpx:TrackPointExtension></extensions></trkpt>\n"
)
TAIL = "  </trkseg>\n </trk>\n</gpx>\n"


def write_gpx(samples: Samples, *, creator: str) -> bytes:
    start = samples.start.astimezone(UTC).replace(microsecond=0)
    base = np.datetime64(start.replace(tzinfo=None), "s")
    stamps = np.datetime_as_string(base + samples.time_s.astype("timedelta64[s]"), unit="s")
    rows = zip(
        samples.lat.tolist(),
        samples.lon.tolist(),
        samples.alt.tolist(),
        (f"{stamp}Z" for stamp in stamps.tolist()),
        samples.hr.astype(int).tolist(),
        samples.cadence.astype(int).tolist(),
        strict=True,
    )
    head = HEAD.format(
        creator=creator, time=start.strftime("%Y-%m-%dT%H:%M:%SZ"), sport=samples.sport
    )
    return (head + "".join(POINT % row for row in rows) + TAIL).encode()

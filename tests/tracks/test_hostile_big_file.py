"""A 100 MB GPX reads in memory bounded by its decoded arrays, not by the file's size."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from tests.paths import REPO_ROOT

# Runs in a fresh interpreter so its peak resident memory is this read's alone.
SCRIPT = textwrap.dedent(
    """
    import json, resource
    from saathi.tracks.gpx import read_gpx

    HEAD = b'<?xml version="1.0"?><gpx xmlns="http://www.topografix.com/GPX/1/1" ' \\
        b'xmlns:t="http://www.garmin.com/xmlschemas/TrackPointExtension/v1"><trk><trkseg>'
    POINT = ('<trkpt lat="45.{0:06d}" lon="7.{0:06d}"><ele>{1}.5</ele>'
             '<time>2024-05-01T{2:02d}:{3:02d}:{4:02d}Z</time><extensions>'
             '<t:TrackPointExtension><t:hr>{5}</t:hr><t:cad>88</t:cad></t:TrackPointExtension>'
             '</extensions></trkpt>\\n')

    class Stream:
        def __init__(self, size):
            self.size, self.sent, self.index, self.done = size, 0, 0, False
        def read(self, n):
            if self.done:
                return b""
            if self.sent == 0:
                self.sent = len(HEAD)
                return HEAD
            if self.sent >= self.size:
                self.done = True
                return b"</trkseg></trk></gpx>"
            parts = []
            for _ in range(1000):
                i = self.index
                s = i % 86400
                parts.append(POINT.format(i % 1000000, i % 900, s // 3600, s // 60 % 60, s % 60,
                                          100 + i % 80))
                self.index += 1
            data = "".join(parts).encode()
            self.sent += len(data)
            return data

    read_gpx(Stream(1 << 20))  # warm up: imports, first allocations
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    stream = Stream(100 << 20)
    track = read_gpx(stream)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    arrays = sum(getattr(track, c).nbytes for c in ("time", "lat", "lon", "alt", "distance",
                 "speed", "heart_rate", "cadence", "power", "temperature"))
    print(json.dumps({"bytes": stream.sent, "points": len(track), "grew": after - before,
                      "arrays": arrays, "hr": float(track.heart_rate[-1])}))
    """
)


def test_a_100_mb_gpx_reads_in_bounded_memory():
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=REPO_ROOT, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)

    assert result["bytes"] >= 100 << 20
    assert result["points"] > 400_000
    # A streamed read keeps only the arrays it decodes: peak memory under 3x those arrays,
    # and below the file's own size (a parsed tree of it would take several times that).
    assert result["grew"] < 3 * result["arrays"]
    assert result["grew"] < result["bytes"]

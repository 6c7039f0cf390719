"""The track engine: read FIT, GPX and TCX into a Track and compute its figures.

Pure Python and numpy. Never imports Django (tests/tracks/test_engine_is_django_free.py).
"""

from saathi.tracks.track import CHANNELS, Lap, Session, Totals, Track, TrackError

__all__ = ["CHANNELS", "Lap", "Session", "Totals", "Track", "TrackError"]

"""Recordings for the together tests: constructed tracks (tests/tracks/outing_cases.py)
saved as imported activities, and people who follow each other."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

import numpy as np
from django.utils.timezone import now

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.activities.summary import activity_from_track
from saathi.people.models import Follow
from saathi.records.records import judge
from saathi.tracks.track import Track
from tests.tracks.outing_cases import LOOP, RUN, T0, person


def recorded(owner: User, track: Track, **fields: object) -> Activity:
    """`track` saved as `owner`'s activity, as an import saves it (streams, records)."""
    activity, streams = activity_from_track(owner=owner, track=track, sha256=secrets.token_hex(32))
    for name, value in fields.items():
        setattr(activity, name, value)
    activity.save()
    streams.activity = activity
    streams.save()
    judge(activity)
    return activity


def loop_run(*, start: float = T0, seed: int = 1, offset_m: tuple[float, float] = (0, 0)) -> Track:
    """The 12 km loop at an easy pace: 67 minutes."""
    return person(LOOP, start=start, speed=RUN, seed=seed, offset_m=offset_m)


def with_heart_rate(track: Track, bpm: float = 150.0) -> Track:
    track.heart_rate = np.full(len(track), bpm)
    return track


def mutual(a: User, b: User) -> None:
    """a and b follow each other, both accepted."""
    Follow.objects.create(follower=a, followed=b, accepted=True, accepted_at=now())
    Follow.objects.create(follower=b, followed=a, accepted=True, accepted_at=now())


def gpx(track: Track) -> bytes:
    """The track as a plain GPX file, for tests that go through the import."""
    points = "".join(
        f'<trkpt lat="{lat:.7f}" lon="{lon:.7f}"><time>'
        f"{datetime.fromtimestamp(t, UTC):%Y-%m-%dT%H:%M:%SZ}</time></trkpt>"
        for t, lat, lon in zip(track.time, track.lat, track.lon, strict=True)
    )
    return (
        '<?xml version="1.0"?><gpx version="1.1" creator="test" '
        'xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>'
        f"{points}</trkseg></trk></gpx>"
    ).encode()

"""A person with one of everything deleting an account must take: activities with their
streams, records and badges, a duplicate and a failed upload (each a stored original),
a goal and a photo."""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.core.files.base import ContentFile
from PIL import Image

from saathi.accounts.models import User
from saathi.activities.imports import import_inline
from saathi.activities.models import Activity, ActivityStreams, ImportJob, JobState
from saathi.progress.models import Goal
from saathi.records.models import Milestone, Record
from tests.paths import TESTDATA

RUN = TESTDATA / "gpx" / "Friday-Evening-Run.gpx"
RIDE = TESTDATA / "fit" / "4078723797.fit"


@dataclass
class Stored:
    """The names of one person's stored files."""

    originals: list[str]
    photo: str

    @property
    def all(self) -> list[str]:
        return [*self.originals, self.photo]


def give_everything(user: User) -> Stored:
    jobs = [
        *import_inline(owner=user, name=RUN.name, data=RUN.read_bytes()),
        *import_inline(owner=user, name=RIDE.name, data=RIDE.read_bytes()),
        *import_inline(owner=user, name="again.gpx", data=RUN.read_bytes()),
        *import_inline(owner=user, name="broken.fit", data=b"not a fit file at all"),
    ]
    assert [job.state for job in jobs] == [
        JobState.DONE,
        JobState.DONE,
        JobState.DUPLICATE,
        JobState.FAILED,
    ], [job.error for job in jobs]
    Goal.objects.create(owner=user, period="year", measure="count", target=100)
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, format="JPEG")
    user.avatar.save("photo.jpg", ContentFile(out.getvalue()))
    return Stored(originals=[job.original.name for job in jobs], photo=user.avatar.name)


def rows_of(user: User) -> dict[str, int]:
    """How many rows of each kind are `user`'s."""
    return {
        "users": User.objects.filter(pk=user.pk).count(),
        "activities": Activity.objects.filter(owner=user).count(),
        "streams": ActivityStreams.objects.filter(activity__owner=user).count(),
        "jobs": ImportJob.objects.filter(owner=user).count(),
        "records": Record.objects.filter(owner=user).count(),
        "badges": Milestone.objects.filter(owner=user).count(),
        "goals": Goal.objects.filter(owner=user).count(),
    }

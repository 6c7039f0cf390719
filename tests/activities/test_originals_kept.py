"""Nothing is lost: every upload's bytes are stored before reading, and kept whatever
happens; what could not be read is said, with where."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from saathi.accounts.models import User
from saathi.activities import imports
from saathi.activities.imports import import_inline
from saathi.activities.models import Activity, ImportJob, JobState
from tests.paths import MALFORMED_FILES, file_id

# A PNG's first bytes: what a photo renamed to .fit starts with.
PNG_HEAD = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


@pytest.mark.parametrize("path", MALFORMED_FILES, ids=file_id)
def test_a_damaged_file_imports_with_a_warning_or_fails_with_where(owner: User, path: Path) -> None:
    (job,) = import_inline(owner=owner, name=path.name, data=path.read_bytes())

    assert job.read_original() == path.read_bytes()
    if job.state == JobState.DONE:
        assert job.activity is not None
        # What was lost, and where: a byte offset in the file.
        assert any(re.search(r"(?i)bytes? \d", warning) for warning in job.activity.warnings)
        assert job.warnings == job.activity.warnings
    else:
        assert job.state == JobState.FAILED
        assert re.match(r"line \d+: ", job.error), job.error
        assert not Activity.objects.exists()


def test_a_truncated_fit_keeps_the_points_before_the_damage(owner: User) -> None:
    path = next(p for p in MALFORMED_FILES if p.name == "strava-android-app-201.10-b1218918.fit")

    (job,) = import_inline(owner=owner, name=path.name, data=path.read_bytes())

    assert job.activity is not None
    assert job.activity.points == 473
    assert "byte 7,471" in job.activity.warnings[0]


def zip_bomb(unpacked: int) -> bytes:
    """A small ZIP whose one member unpacks to `unpacked` bytes of zeros."""
    bomb = io.BytesIO()
    block = b"\0" * (1 << 20)
    with (
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("bomb.gpx", "w", force_zip64=True) as member,
    ):
        for _ in range(unpacked // len(block)):
            member.write(block)
    return bomb.getvalue()


BAD_INPUTS = {
    "empty.fit": lambda: b"",
    "photo.fit": lambda: PNG_HEAD + b"\0" * 1000,
    # 64 MiB of zeros, some 64 KiB zipped, against a cap lowered to 16 MiB for the test
    # (the real cap, 1 GiB, would take a minute to unpack).
    "bomb.zip": lambda: zip_bomb(64 << 20),
    "junk.gpx": lambda: bytes(range(256)) * (50 * 1024 * 1024 // 256),
}


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.fit", "empty"),
        ("photo.fit", "89 50 4E 47"),
        ("bomb.zip", "more than 16 MiB"),
        ("junk.gpx", "not an activity file"),
    ],
)
def test_bad_input_fails_with_a_clear_reason_and_its_original_kept(
    owner: User, name: str, reason: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(imports, "MAX_UNPACKED_BYTES", 16 << 20)
    data = BAD_INPUTS[name]()

    (job,) = import_inline(owner=owner, name=name, data=data)

    assert job.state == JobState.FAILED
    assert reason in job.error, job.error
    assert job.size == len(data)
    assert job.original.size == len(data)
    assert not Activity.objects.exists()
    assert ImportJob.objects.get().error == job.error

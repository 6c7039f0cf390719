"""Damaged files through the upload page: each row says what was kept or why it failed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape

from saathi.accounts.models import User
from saathi.activities.models import ImportJob, JobState
from tests.paths import MALFORMED_FILES, file_id
from tests.people import browser_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", MALFORMED_FILES, ids=file_id)
def test_a_damaged_file_is_explained_on_the_upload_page_and_its_activity(
    owner: User, path: Path, django_capture_on_commit_callbacks: Any
) -> None:
    client = browser_of(owner)
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/activities/upload/", {"uploads": [upload]})
    job = ImportJob.objects.get(owner=owner)
    rows = client.get("/activities/upload/jobs/").content.decode()
    assert job.original  # kept whatever happened
    if job.state == JobState.FAILED:
        assert job.error and escape(job.error) in rows
        assert ">Retry</button>" in rows
        return
    assert job.state == JobState.DONE and job.activity is not None
    assert job.activity.warnings, "a damaged file imported without saying what was lost"
    page = client.get(f"/activities/{job.activity.pk}/").content.decode()
    for warning in job.activity.warnings:
        assert escape(warning) in rows and escape(warning) in page

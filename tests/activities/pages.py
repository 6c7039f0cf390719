"""Helpers for the page tests: a real file imported for a person, and what a page shows."""

from __future__ import annotations

import json
import re
from typing import Any

from saathi.accounts.models import User
from saathi.activities.imports import import_inline
from saathi.activities.models import Activity, JobState
from tests.paths import TESTDATA

RIDE = "fit/4078723797.fit"  # Stavelot, 57,567 m by the device (REFERENCE.tsv)
RUN = "gpx/Friday-Evening-Run.gpx"  # a run by its <type>, 17 points in three segments


def imported(owner: User, path: str) -> Activity:
    """The activity a real file of tests/data becomes, imported inline."""
    data = (TESTDATA / path).read_bytes()
    [job] = import_inline(owner=owner, name=path.rsplit("/", 1)[-1], data=data)
    assert job.state == JobState.DONE, job.error
    assert job.activity is not None
    return job.activity


def page_data(html: str) -> dict[str, Any]:
    """The JSON the activity page hands its map and charts."""
    match = re.search(r'<script id="activity-data" type="application/json">(.*?)</script>', html)
    assert match, "the page carries no chart data"
    data: dict[str, Any] = json.loads(match.group(1))
    return data


def text_of(html: str) -> str:
    """The page's words without tags, spaces collapsed: what a reader sees."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))

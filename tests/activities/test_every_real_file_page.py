"""Every real file's activity page shows the map, charts and tables its data allows."""

from __future__ import annotations

from pathlib import Path

import pytest

from saathi.accounts.models import User
from saathi.activities.charts import MAX_POINTS
from saathi.activities.imports import import_inline
from saathi.activities.models import JobState
from tests.activities.pages import page_data
from tests.paths import REAL_FILES, file_id
from tests.people import browser_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", REAL_FILES, ids=file_id)
def test_the_page_of_every_real_file_draws_what_its_data_holds(owner: User, path: Path) -> None:
    jobs = import_inline(owner=owner, name=path.name, data=path.read_bytes())
    client = browser_of(owner)
    for job in jobs:
        assert job.state == JobState.DONE, job.error
        activity = job.activity
        assert activity is not None
        response = client.get(f"/activities/{activity.pk}/")
        assert response.status_code == 200
        html = response.content.decode()
        assert f'<h1 id="activity-title">{activity.title}</h1>' in html.replace("&#x27;", "'")
        if activity.points < 2:
            continue
        data = page_data(html)
        route = data["route"]
        assert bool(route) == activity.has_map
        visible = data.get("visible") or {}
        if activity.has_map and visible["lat"]:
            # The page names where the part others see starts.
            assert (visible["lat"][0], visible["lon"][0]) == pytest.approx(
                (activity.start_lat, activity.start_lon), abs=1e-5
            )
        keys = {series["key"] for series in data["series"]}
        assert ("elevation" in keys) == activity.has_altitude
        assert ("hr" in keys) == activity.has_hr
        assert ("power" in keys) == activity.has_power
        for series in data["series"]:
            assert 0 < len(series["x"]) == len(series["y"]) <= MAX_POINTS
        if activity.splits_km:
            assert 'class="data-table splits"' in html

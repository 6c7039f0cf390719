"""A person uploads a real ride, watches its row finish without reloading, and opens it.

The worker is played by the test itself: queueing is switched off, so the row waits
until the test runs the job (imports.run_import, what the Huey task calls) while the
page is open; the row must then change by itself, through htmx polling.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from saathi.accounts.models import User
from saathi.activities.imports import run_import
from saathi.activities.models import ImportJob, JobState
from tests.browser.login import log_in

pytestmark = pytest.mark.browser

RIDE = Path("fit") / "4078723797.fit"


def test_an_uploaded_ride_finishes_in_place_and_shows_its_map_and_charts(
    page: Page,
    owner: User,
    offline: list[str],
    testdata: Path,
    output_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("saathi.activities.tasks.enqueue", lambda job: None)
    log_in(page, owner.handle)
    page.goto("/activities/upload/")
    page.evaluate("window.stillTheSamePage = true")
    page.get_by_label("Activity files").set_input_files(testdata / RIDE)
    page.get_by_role("button", name="Upload").click()

    row = page.locator("li.job", has_text="4078723797.fit")
    expect(row).to_have_attribute("data-state", "waiting")
    job = ImportJob.objects.get(owner=owner)
    assert run_import(job).state == JobState.DONE  # the worker's step, done by the test

    expect(row).to_have_attribute("data-state", "done")
    assert page.evaluate("window.stillTheSamePage") is True  # updated in place, no reload
    expect(page.locator("#jobs")).not_to_have_attribute("hx-trigger", re.compile("every"))
    page.screenshot(path=output_dir / "browser" / "upload-done.png", full_page=True)

    row.get_by_role("link", name="Loop around Stavelot").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Loop around Stavelot")
    # The device's totals (REFERENCE.tsv): 57,567 m, 1,254 m of climbing, 165 bpm.
    tiles = page.locator(".activity-tiles")
    expect(tiles).to_contain_text("57.57km")
    expect(tiles).to_contain_text("1,254m")
    expect(tiles).to_contain_text("165bpm")
    # The route is a vector line in Leaflet's overlay pane, drawn with no tiles at all.
    route = page.locator("#activity-map .leaflet-overlay-pane path").first
    expect(route).to_be_attached()
    assert len(route.get_attribute("d") or "") > 1000
    expect(page.locator("#chart-elevation canvas")).to_have_count(1)
    expect(page.locator(".chart canvas")).to_have_count(5)

    # Hovering the elevation chart puts the cursor marker on the map.
    page.locator("#chart-elevation .u-over").hover()
    marker_drawn = page.evaluate(
        "Array.from(document.querySelectorAll('#activity-map .leaflet-overlay-pane path'))"
        ".filter(p => p.getAttribute('fill-opacity') === '1').length"
    )
    assert marker_drawn >= 3  # start, finish and the cursor

    page.screenshot(path=output_dir / "browser" / "activity-ride.png", full_page=True)
    assert offline == []

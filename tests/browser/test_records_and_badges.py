"""On a phone: the longest-ride badge on the ride's page links to the ride it beat, and
the records page opens a record's history."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from saathi.accounts.models import User
from tests.browser.login import log_in
from tests.records.history import entry

pytestmark = pytest.mark.browser


def test_the_badge_leads_to_the_ride_it_beat_and_records_show_history(
    page: Page, owner: User, output_dir: Path
) -> None:
    first = entry(owner, "2025-08-02 07:00", km=42.3, title="Gulmarg loop")
    longest = entry(owner, "2025-08-20 06:30", km=65, title="Baramulla to Uri")
    log_in(page, owner.handle)

    page.goto(f"/activities/{longest.pk}/")
    badge = page.locator(".milestone-longest")
    # The year shows when it is not this one.
    expect(badge).to_have_text(
        re.compile(r"^65\.0 km — longest ride so far, previous 42\.3 km on 2 Aug( 2025)?$")
    )
    (output_dir / "browser").mkdir(exist_ok=True)
    page.screenshot(path=output_dir / "browser" / "longest-ride-badge.png")
    badge.get_by_role("link").click()
    expect(page).to_have_url(f"/activities/{first.pk}/")
    expect(page.locator(".milestone-first")).to_have_text("First ride")

    page.goto("/activities/")
    page.get_by_role("link", name="Records").click()
    row = page.locator(".record", has_text="Longest distance")
    expect(row).to_contain_text("65.0 km")
    row.get_by_text("1 earlier").click()
    expect(row.get_by_role("link", name="Gulmarg loop")).to_be_visible()
    page.screenshot(path=output_dir / "browser" / "records-page.png", full_page=True)

"""A person logs a yoga session by hand and finds it on its page and in the list."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from saathi.accounts.models import User
from saathi.activities.models import Activity
from tests.browser.login import log_in

pytestmark = pytest.mark.browser


def test_a_yoga_session_is_logged_without_a_distance(
    page: Page, owner: User, output_dir: Path
) -> None:
    log_in(page, owner.handle)
    page.goto("/activities/new/")
    page.get_by_label("Sport").select_option("yoga")
    page.get_by_label("Date").fill("2026-05-01")
    page.get_by_label("Start time").fill("06:30")
    page.get_by_label("Duration").fill("1:15:00")
    page.get_by_label("Title").fill("Sun salutations on the terrace")
    page.get_by_label("How hard it felt").select_option("3")
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Sun salutations on the terrace")
    expect(page.locator(".activity-sport")).to_contain_text("Yoga")
    expect(page.locator(".activity-tiles")).to_contain_text("1:15:00")
    expect(page.locator(".activity-tiles")).not_to_contain_text("Distance")
    yoga = Activity.objects.get(owner=owner)
    assert yoga.distance_m is None and yoga.perceived_effort == 3
    page.screenshot(path=output_dir / "browser" / "manual-yoga.png", full_page=True)

    page.goto("/activities/")
    row = page.locator("table.activity-table tbody tr", has_text="Sun salutations")
    expect(row).to_contain_text("1:15:00")
    expect(row).to_contain_text("Yoga")

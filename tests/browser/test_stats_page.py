"""The stats page in a real browser: charts drawn, the calendar of mornings, a day's
activities on tap, and a goal set through its form."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from saathi.accounts.models import User
from saathi.activities.manual import create_manual_activity
from tests.browser.login import log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def owner_with_a_year(owner: User) -> User:
    """The owner with 400 days behind her: yoga most mornings, a ride some Sundays."""
    today = owner.today()
    chance = random.Random(5)
    # Sun salutations on most mornings of the last 400 days, a ride some weekends.
    for back in range(400):
        day = today - timedelta(days=back)
        # The last twelve mornings in a row, after a missed one: a streak of 12.
        if back < 12 or (back > 12 and chance.random() < 0.8):
            create_manual_activity(
                owner=owner,
                sport="yoga",
                start=datetime.combine(day, time(6, 10)),
                duration_s=420,
                title="Suryanamaskar",
            )
        if day.weekday() == 6 and back > 0:
            create_manual_activity(
                owner=owner,
                sport="ride",
                start=datetime.combine(day, time(7, 0)),
                duration_s=7200,
                distance_m=chance.uniform(30_000, 50_000),
                ascent_m=chance.uniform(200, 600),
            )
    return owner


def test_the_stats_page_draws_its_charts_and_the_calendar_of_mornings(
    page: Page, owner_with_a_year: User, output_dir: Path
) -> None:
    log_in(page, owner_with_a_year.handle)
    page.goto("/stats/")
    expect(page.get_by_role("heading", name="Stats", level=1)).to_be_visible()
    for chart in ("week", "month", "year", "to-date"):
        expect(page.locator(f"#chart-{chart} canvas")).to_have_count(1)
    streak = page.locator(".streaks .tile", has_text="Current streak")
    expect(streak).to_contain_text("12")
    page.screenshot(path=output_dir / "browser" / "stats-phone.png", full_page=True)
    page.emulate_media(color_scheme="dark")
    page.screenshot(path=output_dir / "browser" / "stats-phone-dark.png", full_page=True)
    page.emulate_media(color_scheme="light")

    page.get_by_role("navigation", name="Sport").get_by_role("link", name="Yoga").click()
    expect(page.locator(".page-head .muted").first).to_contain_text("Yoga")
    today = page.locator("#heatmap a.heat.is-today")
    today.click()
    panel = page.locator("#day-panel")
    expect(panel).to_contain_text("Today")
    expect(panel.get_by_role("link", name="Suryanamaskar")).to_have_count(1)
    panel.get_by_role("link", name="Suryanamaskar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Suryanamaskar")


def test_a_goal_is_set_and_shows_its_progress(
    page: Page, owner_with_a_year: User, output_dir: Path
) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, owner_with_a_year.handle)
    page.goto("/stats/")
    page.get_by_role("link", name="Add a goal").click()
    page.get_by_label("Sport").select_option("yoga")
    page.get_by_label("Month").check()
    page.get_by_label("Activities").check()
    page.get_by_label("Target").fill("20")
    page.get_by_role("button", name="Set the goal").click()
    goal = page.locator(".goal", has_text="20 activities this month")
    expect(goal).to_be_visible()
    expect(goal.locator(".goal-done")).to_have_count(1)
    page.screenshot(path=output_dir / "browser" / "stats-laptop.png", full_page=True)
    page.goto("/")
    expect(page.locator(".goal", has_text="20 activities this month")).to_be_visible()

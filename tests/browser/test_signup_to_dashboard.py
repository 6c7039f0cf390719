"""A newcomer signs up, logs out, logs back in and lands on the empty dashboard."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from saathi.accounts.models import User

pytestmark = pytest.mark.browser

PASSWORD = "hill run after a long time"


def test_a_newcomer_signs_up_logs_in_and_reaches_the_empty_dashboard(
    page: Page, output_dir: Path
) -> None:
    page.goto("/accounts/signup/")
    page.get_by_label("Handle", exact=True).fill("meera")
    page.get_by_label("Email", exact=True).fill("meera@example.org")
    page.get_by_label("Display name").fill("Meera Kaul")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()

    expect(page.get_by_role("heading", name="This week")).to_be_visible()
    assert User.objects.get(handle="meera").email == "meera@example.org"

    page.get_by_label(re.compile(r"Your account, @meera")).click()
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()

    page.goto("/")  # a logged-out visitor is sent to log in, and back afterwards
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/$"))
    page.get_by_label("Handle or email", exact=True).fill("meera@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("heading", name="This week")).to_be_visible()
    expect(page.get_by_text("Your journal is waiting for its first entry")).to_be_visible()
    # The stylesheet reached the browser: the page is laid out, not raw HTML.
    assert page.evaluate("getComputedStyle(document.body).margin") == "0px"

    screenshot = output_dir / "browser" / "empty-dashboard.png"
    page.screenshot(path=screenshot, full_page=True)
    print(f"screenshot: {screenshot}")
    assert screenshot.stat().st_size > 10_000

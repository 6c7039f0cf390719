"""Logging in through the form, as a person does."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.people import PASSWORD


def log_in(page: Page, handle: str, password: str = PASSWORD) -> None:
    """Log in as `handle` and wait for the dashboard."""
    page.goto("/accounts/login/")
    page.get_by_label("Handle or email", exact=True).fill(handle)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="This week")).to_be_visible()

"""A person deletes their account from the settings page: the counts, a wrong password,
then the right one, and they are signed out with their files gone."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from playwright.sync_api import Page, expect

from saathi.accounts.models import User
from tests.accounts.belongings import give_everything
from tests.browser.login import log_in
from tests.people import PASSWORD

pytestmark = pytest.mark.browser


def test_a_person_deletes_their_account_with_their_password(
    page: Page, owner: User, output_dir: Path
) -> None:
    stored = give_everything(owner)
    log_in(page, owner.handle)
    page.goto("/settings/")
    page.get_by_role("link", name="Delete my account").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Delete your account?")
    counts = page.locator(".deletion-list")
    expect(counts).to_contain_text("2 activities")
    expect(counts).to_contain_text("4 original files")
    page.screenshot(path=output_dir / "browser" / "delete-account.png", full_page=True)

    page.get_by_label("Your password").fill("not my password")
    page.get_by_role("button", name="Delete my account").click()
    expect(page.get_by_text("That is not your password, so nothing was deleted.")).to_be_visible()
    assert User.objects.filter(pk=owner.pk).exists()

    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Delete my account").click()

    expect(page.get_by_text("Your account and everything in it are deleted.")).to_be_visible()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    assert not User.objects.filter(pk=owner.pk).exists()
    assert not any(default_storage.exists(name) for name in stored.all)

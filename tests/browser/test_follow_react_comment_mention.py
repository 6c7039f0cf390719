"""The feed's people half in a real browser, as three people use it: Vikram asks to follow
Asha, she approves, her run appears in his feed, he gives it kudos and comments
mentioning her partner Priya, who asked for mentions by email: she finds the mention
among her notifications and in her mail, as Asha finds the kudos and the comment among
hers, and reports his comment to the staff."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.mail import EmailMessage
from django.utils.timezone import localtime, now
from playwright.sync_api import Browser, Page, expect

from saathi.accounts.models import User
from tests import people
from tests.browser.login import log_in
from tests.records.history import entry as logged

pytestmark = pytest.mark.browser


def person_page(browser: Browser, base_url: str) -> Page:
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844})
    context.set_default_timeout(10_000)
    return context.new_page()


def test_follow_approve_see_react_comment_with_a_mention_and_be_told(
    browser: Browser,
    base_url: str,
    page: Page,
    owner: User,
    output_dir: Path,
    mailoutbox: list[EmailMessage],
) -> None:
    owner.approve_followers = True
    owner.save()
    partner = people.partner(owner)
    vikram = people.stranger()
    yesterday = localtime(now() - timedelta(days=1)).strftime("%Y-%m-%d 07:00")
    run = logged(owner, yesterday, sport="run", km=12.4, title="Lake loop", visibility="followers")

    # Priya wants mentions by email too.
    priya = person_page(browser, base_url)
    log_in(priya, partner.handle)
    priya.goto("/settings/notifications/")
    priya.get_by_label("Mentioned you: In Saathi and by email").check()
    priya.get_by_role("button", name="Save notification settings").click()
    expect(priya.get_by_label("Mentioned you: In Saathi and by email")).to_be_checked()

    # Vikram asks to follow her: her followers-only run is not his to see yet.
    log_in(page, vikram.handle)
    page.goto(f"/people/{owner.handle}/")
    page.get_by_role("button", name="Follow").click()
    expect(page.get_by_text("Requested")).to_be_visible()
    page.goto("/")
    expect(page.get_by_text("Lake loop")).to_have_count(0)

    # Asha approves him.
    asha = person_page(browser, base_url)
    log_in(asha, owner.handle)
    asha.goto("/people/requests/")
    asha.get_by_role("button", name="Accept").click()
    expect(asha.get_by_role("button", name="Accept")).to_have_count(0)

    # Now her run is in his feed: one tap there (htmx swaps the entry's bar alone) ...
    page.goto("/")
    entry = page.locator(f"#entry-activity-{run.pk}")
    fire = entry.get_by_role("button", name="Fire")
    fire.click()
    expect(fire).to_have_attribute("aria-pressed", "true")
    expect(fire.locator(".reaction-count")).to_have_text("1")
    # ... then on its page he changes his mind: kudos instead.
    entry.get_by_role("link", name="Lake loop").click()
    expect(page).to_have_url(f"/activities/{run.pk}/")
    kudos = page.locator("#conversation").get_by_role("button", name="Kudos")
    expect(kudos).to_have_attribute("aria-pressed", "false")
    kudos.click()
    expect(kudos).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#conversation").get_by_role("button", name="Fire")).to_have_attribute(
        "aria-pressed", "false"
    )
    expect(kudos.locator(".reaction-count")).to_have_text("1")
    expect(page.locator("#reactions")).to_contain_text(vikram.name)

    # He comments, mentioning her partner, who may see the run: the handle becomes a link.
    page.get_by_role("textbox", name="Comment").fill("What a loop! @partner you have to try it.")
    page.get_by_role("button", name="Post comment").click()
    said = page.locator(".comment", has_text="What a loop!")
    expect(said).to_be_visible()
    expect(said.get_by_role("link", name="@partner")).to_have_attribute(
        "href", f"/people/{partner.handle}/"
    )
    (output_dir / "browser").mkdir(exist_ok=True)
    page.screenshot(path=output_dir / "browser" / "conversation.png", full_page=True)

    # Priya is told of the mention, in Saathi and by mail (sent by the worker after the
    # commit); Asha of the kudos and the comment.
    priya.goto("/notifications/")
    expect(
        priya.get_by_text(f"{vikram.name} mentioned you in a comment on Lake loop")
    ).to_be_visible()
    asha.goto("/notifications/")
    expect(asha.get_by_text(f"{vikram.name} gave kudos to Lake loop")).to_be_visible()
    expect(asha.get_by_text(f"{vikram.name} commented on Lake loop", exact=False)).to_be_visible()
    (mail,) = [m for m in mailoutbox if partner.email in m.to]
    assert "mentioned you in a comment on Lake loop" in mail.subject

    # She reports his comment: the staff will look at it.
    asha.goto(f"/activities/{run.pk}/")
    asha.locator(".comment", has_text="What a loop!").get_by_role("link", name="Report").click()
    asha.get_by_label("Spam or advertising").check()
    asha.get_by_role("button", name="Send the report").click()
    expect(asha.get_by_text("Thanks — staff will look at it.")).to_be_visible()
    expect(asha).to_have_url(re.compile(rf"/activities/{run.pk}/"))

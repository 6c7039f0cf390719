"""The demo's tour: each of the couple logs in and walks the story in a real browser.

With SAATHI_SCREENSHOTS=DIR (`make screenshots`) the whole year is loaded and each page is
saved to DIR at 1280x800 for the README; otherwise four months keep the run short.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections
from django.test import modify_settings, override_settings
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django import DjangoDbBlocker
from pytest_django.live_server_helper import LiveServer

from saathi.activities.models import Activity
from saathi.demo.chapters import HER, HIM, HOME_ZONE, Person
from saathi.demo.load import load_demo
from saathi.demo.talk import HER_ANSWER
from tests.browser.login import log_in
from tests.paths import REPO_ROOT

pytestmark = pytest.mark.browser

SCREENSHOTS = os.environ.get("SAATHI_SCREENSHOTS", "").strip()


@pytest.fixture(scope="module")
def demo_site(
    django_db_setup: None,
    django_db_blocker: DjangoDbBlocker,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    """The demo, loaded once for this module and served by a live server of its own.

    pytest-django's live_server makes each test that takes it transactional, and the
    flush after each such test would take the demo with it. So the demo is committed
    here and served by this module's server: on PostgreSQL its own connection sees the
    committed rows, on SQLite's in-memory database it shares the tests' connection. The
    tests run in transactions (`db`) like most; after the last one the tables are
    flushed, as a transactional test leaves them.
    """
    media = tmp_path_factory.mktemp("demo-media")
    with (
        override_settings(MEDIA_ROOT=media),
        modify_settings(ALLOWED_HOSTS={"append": "localhost"}),
        django_db_blocker.unblock(),
    ):
        load_demo(days=365 if SCREENSHOTS else 120, say=lambda line: None)
        server = LiveServer("localhost")
        try:
            with django_db_blocker.block():
                yield server.url
        finally:
            server.stop()
            call_command("flush", interactive=False, verbosity=0)
            # The load ran on a connection of its own (Django keeps one per thread and
            # async context, and Playwright's loop runs in this thread): left open,
            # PostgreSQL would refuse to drop the test database at the end of the run.
            connections.close_all()


@pytest.fixture
def base_url(demo_site: str, db: None) -> str:
    return demo_site


@pytest.fixture
def demo(demo_site: str) -> None:
    """The demo of the module: a year with SAATHI_SCREENSHOTS, four months otherwise."""


@pytest.fixture
def tour(page: Page, offline: list[str]) -> Page:
    page.set_viewport_size({"width": 1280, "height": 800})
    return page


def shoot(page: Page, name: str) -> None:
    if SCREENSHOTS:
        folder = REPO_ROOT / SCREENSHOTS
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=Path(folder) / f"{name}.png")


def scroll_to(page: Page, selector: str) -> None:
    """Scroll the element to the top, just below the sticky site header."""
    page.locator(selector).first.evaluate(
        "element => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 72)"
    )


def days_in_a_row(person: Person) -> int:
    days = set(Activity.objects.filter(owner__handle=person.handle).values_list("local_date"))
    today = max(days)[0]
    count = 0
    while ((today - timedelta(days=count)),) in days:
        count += 1
    return count


def story_activity(person: Person, title: str) -> Activity:
    return Activity.objects.get(owner__handle=person.handle, title=title)


def test_he_walks_the_story_from_his_dashboard_to_the_calendar_of_mornings(
    tour: Page, demo: None
) -> None:
    page = tour
    log_in(page, HIM.handle, HIM.password)
    recent = page.locator("section", has=page.get_by_role("heading", name="Feed"))
    expect(recent).to_contain_text("Suryanamaskar, 30 rounds")
    shoot(page, "dashboard")
    # Their holiday ride is one entry in his feed, with both of them and her record on it.
    ride = story_activity(HIM, "Baramulla to Uri")
    page.goto("/?sport=ride")
    entry = page.locator(f"#entry-activity-{ride.pk}")
    expect(entry).to_contain_text("You and Meera Sehgal rode")
    expect(entry).to_contain_text("longest ride so far")
    scroll_to(page, f"#entry-activity-{ride.pk}")
    shoot(page, "feed-ride")

    page.goto("/activities/")
    rows = page.locator("table.activity-table tbody tr")
    expect(rows.first).to_be_visible()
    assert rows.count() >= 20
    expect(page.locator("table.activity-table")).to_contain_text("Loop around Lonavla")
    expect(page.locator("table.activity-table")).to_contain_text("Yoga")
    shoot(page, "activities")

    hill = story_activity(HIM, "Khopoli to Lonavla")
    page.goto(f"/activities/{hill.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Khopoli to Lonavla")
    expect(page.locator(".activity-when")).to_contain_text("Garmin")
    route = page.locator("#activity-map .leaflet-overlay-pane path").first
    expect(route).to_be_attached()  # the route line, drawn with no map tiles
    assert (route.get_attribute("d") or "").count("L") > 50  # a winding line, not a stub
    expect(page.locator("#chart-elevation canvas")).to_have_count(1)
    # One split a kilometre: 20 of them, the last a few metres long.
    assert 19 <= page.locator("table.splits tbody tr").count() <= 21
    expect(page.locator(".route-ends")).to_contain_text("Khopoli")
    scroll_to(page, ".activity-tiles")
    shoot(page, "hill-run")  # the figures, the route and the elevation chart
    # Under it, what their friends said, and her answer to him.
    talk = page.locator("#conversation")
    expect(talk.locator(".comment").last).to_contain_text(HER_ANSWER)
    expect(talk.get_by_role("button", name="Love")).to_contain_text("1")
    scroll_to(page, "#conversation")
    shoot(page, "conversation")

    ride = story_activity(HIM, "Baramulla to Uri")
    page.goto(f"/activities/{ride.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Baramulla to Uri")
    expect(page.locator(".activity-tiles")).to_contain_text("65.")
    expect(page.locator(".milestone-longest")).to_have_count(0)  # he has ridden further

    page.goto("/stats/")
    expect(page.get_by_role("heading", name="Stats", level=1)).to_be_visible()
    streak = page.locator(".streaks .tile", has_text="Current streak")
    expect(streak).to_contain_text(str(days_in_a_row(HIM)))  # a month of mornings and more
    # The calendar of mornings: a day for every morning of sun salutations this year.
    page.get_by_role("navigation", name="Sport").get_by_role("link", name="Yoga").click()
    expect(page.locator(".page-head .muted").first).to_contain_text("Yoga")
    this_year = timezone.now().astimezone(HOME_ZONE).year
    yoga = Activity.objects.filter(owner__handle=HIM.handle, sport="yoga")
    mornings = yoga.filter(local_date__year=this_year).values("local_date").distinct().count()
    assert mornings > 20
    expect(page.locator("#heatmap a.heat")).to_have_count(mornings)
    scroll_to(page, ".streaks")
    shoot(page, "stats")  # the streak and the calendar of mornings


def test_she_finds_her_longest_ride_so_far_on_the_holiday_ride(tour: Page, demo: None) -> None:
    page = tour
    log_in(page, HER.handle, HER.password)
    ride = story_activity(HER, "Baramulla to Uri")
    page.goto(f"/activities/{ride.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Baramulla to Uri")
    ends = page.locator(".route-ends")
    expect(ends).to_contain_text("Baramulla")
    expect(ends).to_contain_text("Uri")
    expect(page.locator(".activity-tiles")).to_contain_text("65.")
    longest = page.locator(".milestone-longest")
    expect(longest).to_contain_text("longest ride so far")
    expect(longest.get_by_role("link")).to_contain_text(re.compile(r"previous 4[0-5]\.\d km"))
    expect(page.locator("#activity-map .leaflet-overlay-pane path").first).to_be_attached()
    shoot(page, "holiday-ride")

    hill = story_activity(HER, "Khopoli to Lonavla")
    page.goto(f"/activities/{hill.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Khopoli to Lonavla")
    expect(page.locator(".activity-when")).to_contain_text("Amazfit")

    # What her friends and he said about the ride reached her as notifications.
    page.goto("/notifications/")
    expect(
        page.get_by_text("Kabir Sehgal commented on Baramulla to Uri", exact=False)
    ).to_be_visible()
    shoot(page, "notifications")


def test_they_find_their_hill_run_as_one_outing_and_what_they_did_together(
    tour: Page, demo: None
) -> None:
    page = tour
    log_in(page, HIM.handle, HIM.password)
    hill = story_activity(HIM, "Khopoli to Lonavla")
    page.goto(f"/activities/{hill.pk}/")
    page.locator(".companions").get_by_role("link", name="with Meera Sehgal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Khopoli to Lonavla")
    lines = page.locator("#outing-map .leaflet-overlay-pane path")
    expect(lines).to_have_count(2)  # his line and hers, drawn with no map tiles
    expect(page.locator("table.outing-figures")).to_contain_text("Meera Sehgal")
    shoot(page, "outing")

    page.goto(f"/people/{HER.handle}/")
    together = page.locator(".together-box")
    expect(together).to_contain_text("2 outings")
    page.get_by_role("link", name="Everything you did together").click()
    expect(page.locator("main")).to_contain_text("Baramulla to Uri")
    shoot(page, "together")

"""A real browser on the live test server: Playwright (PyPI) driving Debian's Chromium."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, sync_playwright
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from tests.services import chromium_path

# No sandbox: CI runs as root. The rest keeps Chromium from calling home mid-test.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = chromium_path()
    # Playwright's sync API runs an event loop in this thread; Django then refuses
    # database work here (the test's set-up and flush) unless told it is safe, which
    # it is: nothing else runs on that loop.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(executable), headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item,
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if report.when == "call":
        item.stash[_failed] = report.failed
    return report


_failed = pytest.StashKey[bool]()


@pytest.fixture
def base_url(live_server: LiveServer) -> str:
    """Where the pages are served: pytest-django's live server, which makes the test
    transactional (test_demo_tour.py serves its module's demo from a server of its own)."""
    return live_server.url


@pytest.fixture
def page(
    browser: Browser, base_url: str, output_dir: Path, request: pytest.FixtureRequest
) -> Iterator[Page]:
    # A phone's viewport: the layout people will use most.
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    if request.node.stash.get(_failed, False):
        shot = output_dir / "browser" / f"FAILED-{request.node.name}.png"
        page.screenshot(path=shot, full_page=True)
        print(f"screenshot of the failure: {shot}")
    context.close()


@pytest.fixture
def offline(page: Page, base_url: str, settings: Settings) -> Iterator[list[str]]:
    """No map tiles, and any request leaving the test server is refused and recorded."""
    settings.MAP_TILE_URL = ""
    outside: list[str] = []

    def guard(route: Route) -> None:
        if route.request.url.startswith(base_url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    yield outside

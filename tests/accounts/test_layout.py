"""The layout every page shares: navigation, landmarks, labels on every input, htmx with CSRF."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


class Inputs(HTMLParser):
    """Collects form controls, the ids labels point at, and the landmarks on a page."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str | None]] = []
        self.labelled: set[str] = set()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._in_label = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append((tag, found))
        if tag == "label":
            self._in_label += 1
            if found.get("for"):
                self.labelled.add(str(found["for"]))
        elif tag in {"input", "select", "textarea"} and found.get("type") not in {
            "hidden",
            "submit",
        }:
            found["_inside_label"] = "yes" if self._in_label else None
            self.controls.append(found)

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self._in_label -= 1


def parse(html: str) -> Inputs:
    page = Inputs()
    page.feed(html)
    return page


@pytest.mark.parametrize(
    "url",
    [
        "/accounts/signup/",
        "/accounts/login/",
        "/accounts/password/reset/",
    ],
)
def test_every_input_on_a_public_page_has_a_label(client: Client, url: str) -> None:
    page = parse(client.get(url).content.decode())
    assert page.controls
    for control in page.controls:
        assert control["id"] in page.labelled or control["_inside_label"], control


@pytest.mark.parametrize("url", ["/settings/", "/accounts/password/change/"])
def test_every_input_on_a_signed_in_page_has_a_label(owner_client: Client, url: str) -> None:
    page = parse(owner_client.get(url).content.decode())
    assert len(page.controls) >= 3
    for control in page.controls:
        assert control["id"] in page.labelled or control["_inside_label"], control


def test_the_page_has_a_skip_link_and_landmarks(owner_client: Client) -> None:
    page = parse(owner_client.get("/").content.decode())
    tags = [tag for tag, _ in page.tags]
    assert {"header", "nav", "main", "footer"} <= set(tags)
    first_link = next(attrs for tag, attrs in page.tags if tag == "a")
    assert first_link["href"] == "#main"
    assert any(tag == "main" and attrs.get("id") == "main" for tag, attrs in page.tags)


def test_the_navigation_names_every_section_and_your_profile(owner_client: Client) -> None:
    html = owner_client.get("/").content.decode()
    nav = html.split('aria-label="Main"', 1)[1].split("</nav>", 1)[0]
    for section in ("Feed", "Activities", "Routines", "Events"):
        assert f"<span>{section}</span>" in nav
    assert 'href="/people/asha/"' in html
    assert 'action="/accounts/logout/"' in html


def test_htmx_is_served_from_our_own_static_files_with_the_csrf_header(
    owner_client: Client,
) -> None:
    response = owner_client.get("/")
    html = response.content.decode()
    assert '<script src="/static/vendor/htmx.min.js" defer></script>' in html
    assert "://" not in html.split("<body", 1)[0], "nothing is loaded from another site"
    body = next(attrs for tag, attrs in parse(html).tags if tag == "body")
    token = json.loads(str(body["hx-headers"]))["X-CSRFToken"]
    assert len(token) == 64

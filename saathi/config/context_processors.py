"""What every page's layout needs: the navigation, and whether each section exists yet."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

from saathi.system.links import optional_url

# Sections are linked once an app names a URL "<section>" or "<section>:index"; until
# then the menu shows the word without a link, so nothing points at an empty page.
SECTIONS = (
    ("Feed", "feed"),
    ("Activities", "activities"),
    ("Stats", "progress"),
    ("Routines", "routines"),
    ("Events", "events"),
)
# A section whose page has a URL name of its own: the feed is the home page.
PAGES = {"feed": "dashboard"}


@dataclass(frozen=True)
class NavItem:
    label: str
    section: str
    url: str | None
    current: bool


def _current_section(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    current = match.namespace or match.url_name or ""
    return next((section for section, page in PAGES.items() if page == current), current)


def saathi(request: HttpRequest) -> dict[str, object]:
    current = _current_section(request)
    nav = [
        NavItem(label, name, optional_url(PAGES.get(name, name), f"{name}:index"), current == name)
        for label, name in SECTIONS
    ]
    return {"site_name": "Saathi", "nav": nav, "current_section": current}

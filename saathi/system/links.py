"""Links to pages that may not exist yet: a part names a URL, others link to it when it is
there, so nothing imports a part above it to point at its page."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse


def optional_url(*names: str) -> str | None:
    """The first of these URL names that exists, for links to pages other apps may add."""
    for name in names:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return None

"""One page of a person's feed: every source's entries after the cursor, merged by time."""

from __future__ import annotations

from dataclasses import dataclass

from saathi.accounts.models import User
from saathi.feed import activity_entries
from saathi.feed.cursor import Cursor, Request
from saathi.feed.sources import Entry, Source
from saathi.people.circles import Ties

# Ten entries a page, as a phone shows three or four at a time: "load more" brings ten
# more. Each entry costs its share of the page's rendering and judging (docs/feed.md).
PAGE_SIZE = 10
SOURCES: tuple[Source, ...] = (activity_entries.SOURCE,)


@dataclass(frozen=True)
class Page:
    entries: list[Entry]
    next: Cursor | None  # where the next page starts; None on the last one


def feed_page(viewer: User, asked: Request, size: int | None = None) -> Page:
    """The `size` (PAGE_SIZE) newest entries after `asked.before`; one more is asked of
    each source to know whether another page follows."""
    size = size or PAGE_SIZE
    # Whom she follows, trains with and is parted from, read once for every source.
    ties = Ties.of(viewer)
    found = [entry for source in SOURCES for entry in source.find(viewer, ties, asked, size + 1)]
    found.sort(key=lambda entry: entry.cursor, reverse=True)
    shown = found[:size]
    for source in SOURCES:
        source.dress([entry for entry in shown if entry.kind == source.kind], viewer, ties)
    return Page(entries=shown, next=shown[-1].cursor if len(found) > size else None)

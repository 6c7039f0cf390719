"""A new kind of entry is one source more: the page merges every source's entries by
(time, kind, id), and the cursor carries the kind, so entries of two kinds in the same
second are neither repeated nor lost at a page boundary."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.feed import page
from saathi.feed.cursor import Cursor, Request
from saathi.feed.page import feed_page
from saathi.feed.sources import Entry
from saathi.people.circles import Ties
from tests.feed.entries import MORNING, run

pytestmark = pytest.mark.django_db


def _echo(kind: str) -> object:
    """A source of another kind: each of the viewer's activities once more (a stand-in for
    a routine streak or an event result)."""

    @dataclass
    class Echo(Entry):
        template = "feed/entries/activity.html"

    Echo.kind = kind

    class Source:
        def find(self, viewer: User, ties: Ties, asked: Request, limit: int) -> list[Entry]:
            rows = Activity.objects.filter(owner=viewer)
            if asked.before is not None:
                rows = rows.filter(asked.before.older(kind))
            newest = rows.order_by("-start_time", "-pk")[:limit]
            return [Echo(time=a.start_time, id=a.pk) for a in newest]

        def dress(self, entries: list[Entry], viewer: User, ties: Ties) -> None:
            pass

    found = Source()
    found.kind = kind  # type: ignore[attr-defined]
    return found


def _every_page(viewer: User, size: int) -> list[list[Cursor]]:
    pages, asked = [], Request()
    while True:
        one = feed_page(viewer, asked, size)
        pages.append([entry.cursor for entry in one.entries])
        if one.next is None:
            return pages
        asked = Request(before=one.next)


@pytest.mark.parametrize("kind", ["a_streak", "z_result"])  # sorting before and after
def test_two_kinds_in_the_same_second_page_without_gaps_or_repeats(
    owner: User, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    monkeypatch.setattr(page, "SOURCES", (*page.SOURCES, _echo(kind)))
    run(owner, minutes_after=5)
    for n in range(4):
        run(owner, at=MORNING, title=f"Same second {n}")
    run(owner, minutes_after=-5)
    for size in (1, 2, 3, 5):
        pages = _every_page(owner, size)
        shown = [cursor for one in pages for cursor in one]
        assert len(shown) == len(set(shown)) == 12
        assert shown == sorted(shown, reverse=True)
        assert {c.kind for c in shown} == {"activity", kind}

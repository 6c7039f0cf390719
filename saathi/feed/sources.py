"""The feed's entries and where they come from.

Each kind of entry has a source: one module that finds its entries after the cursor,
newest first, in one query (`find`), and, for the few that make a page, reads what they
show in a constant number of queries (`dress`). The page merges every source's entries by
(time, kind, id) and keeps the newest. A new kind of entry (a routine streak, an event
result, a post) is one module with an Entry subclass and a Source, added to SOURCES in
feed/page.py, and one template.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar, Protocol

from saathi.accounts.models import User
from saathi.feed.cursor import Cursor, Request
from saathi.people.circles import Ties


@dataclass
class Entry:
    kind: ClassVar[str]
    template: ClassVar[str]  # rendered with `entry` (and the page's `units`, `today`)
    time: datetime
    id: int

    @property
    def cursor(self) -> Cursor:
        return Cursor(self.time, self.kind, self.id)


class Source(Protocol):
    kind: str

    def find(self, viewer: User, ties: Ties, asked: Request, limit: int) -> list[Entry]:
        """Up to `limit` of the viewer's entries of this kind after `asked.before`, newest
        first by (time, id), as `asked` filters them: one query. `ties` are hers, read once
        for the page (people/circles.py), for `may_see` and `visible_to`."""
        ...

    def dress(self, entries: list[Entry], viewer: User, ties: Ties) -> None:
        """Read what these entries show; the same number of queries for 1 or 50."""
        ...

"""What a feed request asks for, parsed at the door: whose entries, which sport, and from
where (the keyset cursor).

Entries are ordered newest first by (time, kind, id): time first, then the kind of entry
and its id to break ties, so two activities that started in the same second keep one
order and a page boundary between them loses or repeats neither. The cursor is the last
entry shown, as an opaque token (`before=`), never an offset: a new entry at the top
does not shift the next page.
"""

from __future__ import annotations

import base64
import binascii
import enum
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlencode

from django.core.exceptions import BadRequest
from django.db.models import Q
from django.http import QueryDict

from saathi.activities.sports import Sport


class Show(enum.StrEnum):
    EVERYONE = "everyone"  # oneself, partners and the people one follows
    ME = "me"
    PARTNERS = "partners"

    @property
    def label(self) -> str:
        return {"everyone": "Everyone", "me": "Only me", "partners": "Partners"}[self.value]


@dataclass(frozen=True, order=True)
class Cursor:
    """The last entry a page showed; the next page starts just after it."""

    time: datetime
    kind: str
    id: int

    def token(self) -> str:
        said = f"{self.time.astimezone(UTC).isoformat()}|{self.kind}|{self.id}"
        return base64.urlsafe_b64encode(said.encode()).decode().rstrip("=")

    @classmethod
    def from_token(cls, token: str) -> Cursor:
        """The cursor a token names; BadRequest (a 400) for anything else."""
        try:
            padded = token + "=" * (-len(token) % 4)
            time, kind, pk = base64.urlsafe_b64decode(padded.encode()).decode().split("|")
            parsed = datetime.fromisoformat(time)
            if parsed.tzinfo is None:
                raise ValueError("a cursor's time says its offset")
            # In UTC here: a time at the edge of the calendar fails now, not in the query.
            when = parsed.astimezone(UTC)
            number = int(pk)
        except (ValueError, OverflowError, binascii.Error, UnicodeError) as error:
            raise BadRequest("That is not a place in the feed.") from error
        if not kind.isidentifier() or not 0 < number < 2**63:
            raise BadRequest("That is not a place in the feed.")
        return cls(when, kind, number)

    def older(self, kind: str, *, time: str = "start_time", pk: str = "pk") -> Q:
        """The rows of `kind` that come after this cursor, newest first by (time, kind, id)."""
        if kind > self.kind:
            # Within one second a later kind sorts first: all of it was shown already.
            return Q(**{f"{time}__lt": self.time})
        # One range on the time (an index walks it from the cursor on, person by person),
        # less the rows of this very second shown already.
        rows = Q(**{f"{time}__lte": self.time})
        if kind == self.kind:
            rows &= ~Q(**{time: self.time, f"{pk}__gte": self.id})
        return rows


@dataclass(frozen=True)
class Request:
    show: Show = Show.EVERYONE
    sport: str = ""
    before: Cursor | None = None

    @classmethod
    def from_query(cls, query: QueryDict) -> Request:
        """A filter that makes no sense is ignored (the whole feed); a cursor that is not
        one is a 400, since only a hand-edited link carries one."""
        show = query.get("show", "")
        sport = query.get("sport", "")
        token = query.get("before", "")
        return cls(
            show=next((one for one in Show if one.value == show), Show.EVERYONE),
            sport=sport if sport in Sport.values else "",
            before=Cursor.from_token(token) if token else None,
        )

    def filters(self) -> dict[str, str]:
        """The filters as query parameters, defaults left out."""
        pairs = {"show": "" if self.show is Show.EVERYONE else self.show.value, "sport": self.sport}
        return {k: v for k, v in pairs.items() if v}

    def query_string(self, after: Cursor | None = None) -> str:
        pairs = self.filters()
        if after is not None:
            pairs["before"] = after.token()
        return urlencode(pairs)

    @property
    def filtered(self) -> bool:
        return bool(self.filters())

"""Handles: the name a person is known by in URLs, mentions and `saathi import --user`.

Lowercase ASCII only, so that a handle reads the same in a URL, in a mention and on a
command line, and two handles never differ by case or by look-alike letters.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

HANDLE_PATTERN = r"[a-z0-9_]{3,30}"
_HANDLE_RE = re.compile(rf"\A{HANDLE_PATTERN}\Z")

# Words a page or a mention may one day need for itself.
RESERVED_HANDLES = frozenset(
    {
        "admin",
        "api",
        "everyone",
        "here",
        "media",
        "requests",  # /people/requests/ sits where a profile would
        "root",
        "saathi",
        "settings",
        "static",
        "support",
        "system",
    }
)


def normalise_handle(value: str) -> str:
    """People type handles with capitals or an @ in front; both mean the same handle."""
    return value.strip().removeprefix("@").lower()


def validate_handle(value: str) -> None:
    if not _HANDLE_RE.match(value):
        raise ValidationError(
            "A handle is 3 to 30 characters: lowercase letters, digits and underscores.",
            code="invalid_handle",
        )
    if value in RESERVED_HANDLES:
        raise ValidationError("That handle is reserved; please choose another.", code="reserved")

"""`said`: a person's words as safe HTML, for comments and descriptions.

Everything is escaped; http(s) addresses become links that pass on no standing
(rel="nofollow noopener ugc"), and `@handle` becomes a link to the profile only when a
Mention row says its person may see what it is written on, so a handle she may not be
told of stays plain text. Blank lines make paragraphs, single newlines line breaks.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from saathi.conversations.mentions import MENTION

register = template.Library()

# An address runs to the next space or quote; punctuation that ends a sentence is not part of it.
ADDRESS = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
TRAILING = ".,;:!?)]}'\""
TOKENS = re.compile(f"{ADDRESS.pattern}|{MENTION.pattern}", re.IGNORECASE)


def _link(address: str) -> str:
    return f'<a href="{escape(address)}" rel="nofollow noopener ugc">{escape(address)}</a>'


def _line(text: str, handles: Collection[str]) -> str:
    out: list[str] = []
    at = 0
    for match in TOKENS.finditer(text):
        out.append(escape(text[at : match.start()]))
        token = match.group(0)
        handle = match.group(1)
        if handle is None:
            address = token.rstrip(TRAILING)
            out.append(_link(address) + escape(token[len(address) :]))
        elif handle.lower() in handles:
            url = reverse("profile", args=[handle.lower()])
            out.append(f'<a class="mention" href="{url}">@{escape(handle)}</a>')
        else:
            out.append(escape(token))
        at = match.end()
    out.append(escape(text[at:]))
    return "".join(out)


@register.filter
def said(text: str, handles: Collection[str] | None = None) -> SafeString:
    known = {h.lower() for h in handles or ()}
    paragraphs = re.split(r"\n\s*\n", str(text).replace("\r\n", "\n").strip())
    html = (
        "<p>" + "<br>".join(_line(line, known) for line in p.split("\n")) + "</p>"
        for p in paragraphs
        if p.strip()
    )
    return mark_safe("\n".join(html))

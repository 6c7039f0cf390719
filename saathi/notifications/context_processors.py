"""The unread count in every signed-in page's header, worked out only when a page shows it:
the unread notices she may still be told of (notices.unread_count)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from saathi.notifications.notices import unread_count


def unread_notifications(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user))}

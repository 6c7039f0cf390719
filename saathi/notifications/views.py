"""The notifications page: newest first, each worded now for its reader, read once seen."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.timezone import now

from saathi.accounts.requests import AuthedRequest
from saathi.notifications.models import Notification
from saathi.notifications.notices import notice_for

SHOWN = 100


@login_required
def notifications_page(request: AuthedRequest) -> HttpResponse:
    me = request.user
    rows = list(
        Notification.objects.for_person(me)
        .select_related("actor")
        .prefetch_related("subject")[:SHOWN]
    )
    # A notice whose subject she may no longer see (a block, a stricter visibility) is
    # not shown: it disappears with what it pointed at.
    notices = [notice for row in rows if (notice := notice_for(row, me)) is not None]
    # Marked read after the page is worded, so this one still shows which are new.
    unread = [row.pk for row in rows if row.read_at is None]
    if unread:
        Notification.objects.filter(pk__in=unread).update(read_at=now())
    return render(request, "notifications/list.html", {"notices": notices})

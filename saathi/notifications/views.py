"""The notifications page: newest first, each worded now for its reader, read once seen;
and the page where a person chooses how she hears of each kind."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.timezone import now

from saathi.accounts.requests import AuthedRequest
from saathi.notifications.forms import PreferencesForm
from saathi.notifications.models import Notification, Preferences
from saathi.notifications.notices import SHOWN, newest


@login_required
def notifications_page(request: AuthedRequest) -> HttpResponse:
    me = request.user
    mine = Notification.objects.for_person(me)
    # A notice whose subject she may no longer see (a block, a stricter visibility) is
    # not shown: it disappears with what it pointed at.
    notices = newest(me, mine)
    # Marked read after the page is worded, so this one still shows which are new; the
    # hidden ones among them too, or they would wait unread for ever.
    on_the_page = list(mine.values_list("pk", flat=True)[:SHOWN])
    mine.unread().filter(pk__in=on_the_page).update(read_at=now())
    return render(request, "notifications/list.html", {"notices": notices})


@login_required
def notification_settings(request: AuthedRequest) -> HttpResponse:
    """Her own choices, kind by kind; there is no way to name anyone else's."""
    form = PreferencesForm(request.POST or None, preferences=Preferences.of(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your notification settings are saved.")
        return redirect("notification_settings")
    return render(request, "notifications/settings.html", {"form": form})

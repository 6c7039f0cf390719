"""Entering an activity by hand, /activities/new/: sport, start, duration, figures, a
title and a description.

The entry itself is activities.manual.create_manual_activity; a description may mention
people, and telling them is the conversations part's (above activities), so the page
lives here and calls both in one transaction, as the edit page does. Its route keeps the
name activities:new (config/urls.py).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render

from saathi.accounts.requests import AuthedRequest
from saathi.accounts.sharing import sharing_note
from saathi.activities.forms import ManualActivityForm
from saathi.activities.manual import create_manual_activity
from saathi.conversations.mentions import write_mentions


@login_required
def new_activity_page(request: AuthedRequest) -> HttpResponse:
    me = request.user
    local_now = me.local_now()
    initial = {"date": local_now.date(), "time": local_now.time().replace(second=0, microsecond=0)}
    form = ManualActivityForm(request.POST or None, units=me.unit_system, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                activity = create_manual_activity(owner=me, **form.figures())
                write_mentions(
                    activity=activity, author=me, text=activity.description, comment=None
                )
        except ValidationError as error:
            form.show_errors(error)
        else:
            messages.success(request, f"“{activity.title}” is in your journal.")
            return redirect("activities:detail", pk=activity.pk)
    context = {"form": form, "sharing": sharing_note(me.new_activity_levels)}
    return render(request, "activities/new.html", context)

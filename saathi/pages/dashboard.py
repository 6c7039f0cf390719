"""The home page of a signed-in person: the feed (their own activities, their partners'
and those of the people they follow, newest first), with this week per sport and day and
their goals beside it.

"Load more" by htmx asks for the same page from the cursor and gets only the next
entries and the next button; without JavaScript the same link opens the whole page
from there.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from saathi.accounts.requests import AuthedRequest
from saathi.activities.listing import sport_choices
from saathi.feed.cursor import Request, Show
from saathi.feed.page import feed_page
from saathi.pages.glance import week_at_a_glance


@login_required
def dashboard(request: AuthedRequest) -> HttpResponse:
    me = request.user
    asked = Request.from_query(request.GET)
    page = feed_page(me, asked)
    context = {
        "entries": page.entries,
        "next_query": asked.query_string(after=page.next) if page.next else "",
        "asked": asked,
        "shows": list(Show),
        "sports": sport_choices(),
        "units": me.unit_system,
        "today": me.today(),
    }
    if request.htmx and asked.before is not None:
        return render(request, "feed/partials/entries.html", context)
    glance = week_at_a_glance(me)
    context |= {
        "week": glance.week,
        "bars": glance.bars,
        "sports_this_week": glance.sports,
        "goals": glance.goals,
        "upload_url": reverse("activities:upload"),
        "log_url": reverse("activities:new"),
    }
    return render(request, "dashboard.html", context)

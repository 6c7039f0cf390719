"""The home page of a signed-in person: this week per sport and day, their goals, and the
latest activities with their route shapes and badges."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from saathi.accounts.requests import AuthedRequest
from saathi.pages.glance import recent_cards, week_at_a_glance
from saathi.records.badges import badges_for


@login_required
def dashboard(request: AuthedRequest) -> HttpResponse:
    me = request.user
    glance = week_at_a_glance(me)
    cards = recent_cards(me)
    context = {
        "week": glance.week,
        "bars": glance.bars,
        "sports": glance.sports,
        "goals": glance.goals,
        "cards": cards,
        "badges": badges_for([card.activity for card in cards], me, me.unit_system, me.today()),
        "units": me.unit_system,
        "today": me.today(),
        "upload_url": reverse("activities:upload"),
        "log_url": reverse("activities:new"),
    }
    return render(request, "dashboard.html", context)

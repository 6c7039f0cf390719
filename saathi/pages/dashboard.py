"""The home page of a signed-in person: this week per sport and day, their goals, and the
latest activities with their route shapes and badges."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from saathi.accounts.models import User
from saathi.pages.glance import recent_cards, week_at_a_glance
from saathi.records.badges import badges_for


def _today(user: User) -> date:
    return timezone.now().astimezone(ZoneInfo(user.time_zone)).date()


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    me = request.user
    glance = week_at_a_glance(me)
    cards = recent_cards(me)
    context = {
        "week": glance.week,
        "bars": glance.bars,
        "sports": glance.sports,
        "goals": glance.goals,
        "cards": cards,
        "badges": badges_for([card.activity for card in cards], me, me.units, _today(me)),
        "units": me.units,
        "today": _today(me),
        "upload_url": reverse("activities:upload"),
        "log_url": reverse("activities:new"),
    }
    return render(request, "dashboard.html", context)

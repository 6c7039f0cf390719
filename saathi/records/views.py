"""The records page, /records/: the signed-in person's own records.

Records are built from every activity, private ones included, so for now only their
owner sees them; when profiles are public this page learns to build a visitor's view
from `Activity.objects.visible_to` alone.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from saathi.accounts.models import User
from saathi.records.page import records_of


@login_required
def index(request: HttpRequest) -> HttpResponse:
    me = request.user
    assert isinstance(me, User)
    today = timezone.now().astimezone(ZoneInfo(me.time_zone)).date()
    context = {"sports": records_of(me, me.unit_system, today), "units": me.unit_system}
    return render(request, "records/index.html", context)

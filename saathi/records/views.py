"""The records page, /records/: the signed-in person's own records.

Records are built from every activity, private ones included, so for now only their
owner sees them; when profiles are public this page learns to build a visitor's view
from `Activity.objects.visible_to` alone.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from saathi.accounts.requests import AuthedRequest
from saathi.records.page import records_of


@login_required
def index(request: AuthedRequest) -> HttpResponse:
    me = request.user
    context = {"sports": records_of(me, me.unit_system, me.today()), "units": me.unit_system}
    return render(request, "records/index.html", context)

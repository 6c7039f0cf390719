"""The report pages: a small form about one thing, then back to where the reporter was.

The thing is found as the reporter may see it (moderation/reporting.py), so what she may
not see, and her own things, answer 404. Reports are rate limited per person
(accounts/rate_limits.REPORTS); a report that would pass the limit is not saved.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from saathi.accounts import rate_limits
from saathi.accounts.requests import AuthedRequest
from saathi.activities.models import Activity
from saathi.conversations.models import Comment
from saathi.moderation import reporting
from saathi.moderation.forms import ReportForm


def _page_of(thing: reporting.Reportable) -> str:
    """Where the reported thing is seen: her way back when the link did not say."""
    if isinstance(thing, Comment):
        return reverse("activities:detail", args=[thing.activity_id]) + f"#comment-{thing.pk}"
    if isinstance(thing, Activity):
        return reverse("activities:detail", args=[thing.pk])
    return reverse("profile", args=[thing.handle])


def _back(request: AuthedRequest, thing: reporting.Reportable) -> str:
    back = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return back
    return _page_of(thing)


def _report_page(request: AuthedRequest, thing: reporting.Reportable) -> HttpResponse:
    form = ReportForm(request.POST or None)
    lockout = None
    if request.method == "POST" and form.is_valid():
        lockout = rate_limits.spend(request.user, rate_limits.REPORTS)
        if lockout is None:
            _, created = reporting.report(
                reporter=request.user,
                thing=thing,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
            said = (
                "Thanks — staff will look at it."
                if created
                else (
                    "You had reported this already: your report now says this. Thanks — staff "
                    "will look at it."
                )
            )
            messages.success(request, said)
            return redirect(_back(request, thing))
    context = {
        "form": form,
        "thing": thing,
        "kind": reporting.kind_of(thing),
        "next": _back(request, thing),
        "lockout": lockout,
    }
    return render(request, "moderation/report.html", context, status=429 if lockout else 200)


@login_required
@require_http_methods(["GET", "POST"])
def report_comment(request: AuthedRequest, pk: int) -> HttpResponse:
    return _report_page(request, reporting.reportable_comment(request.user, pk))


@login_required
@require_http_methods(["GET", "POST"])
def report_activity(request: AuthedRequest, pk: int) -> HttpResponse:
    return _report_page(request, reporting.reportable_activity(request.user, pk))


@login_required
@require_http_methods(["GET", "POST"])
def report_person(request: AuthedRequest, handle: str) -> HttpResponse:
    return _report_page(request, reporting.reportable_person(request.user, handle))

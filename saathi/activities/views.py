"""The activity pages: upload, the list and calendar, deleting, downloads.

Every activity is loaded through `_owned` or `Activity.objects.map_visible_to`, which
answer 404 for what the viewer may not see; the work itself is done by imports.py,
manual.py, exports.py and the Activity model. The original file is its owner's alone.
One activity's own page gathers records and outings too, and its entry and edit pages
tell whom a description mentions, so they live above, in saathi/pages/.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from saathi.accounts.models import User
from saathi.accounts.requests import AuthedRequest, HtmxRequest
from saathi.accounts.sharing import sharing_note
from saathi.accounts.visitors import sign_in_unless_found
from saathi.activities import listing, tasks
from saathi.activities.changes import delete_activity
from saathi.activities.exports import gpx_filename, original_file, track_gpx
from saathi.activities.forms import UploadForm
from saathi.activities.models import Activity, ImportJob
from saathi.activities.privacy import visible_track
from saathi.activities.worker import worker_note
from saathi.records.badges import badges_for

RECENT_JOBS = 20


def _owned(request: AuthedRequest, pk: int) -> Activity:
    return get_object_or_404(Activity.objects.owned_by(request.user), pk=pk)


@login_required
def upload(request: AuthedRequest) -> HttpResponse:
    me = request.user
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        for uploaded in form.cleaned_data["uploads"]:
            tasks.queue_upload(owner=me, name=uploaded.name or "activity", file=uploaded)
        if not request.htmx:
            return redirect("activities:upload")
    context = {
        "form": form,
        "max_mb": settings.UPLOAD_MAX_MB,
        "sharing": sharing_note(me.new_activity_levels),
        **_jobs_context(me),
    }
    if request.htmx:
        return render(request, "activities/partials/jobs.html", context)
    return render(request, "activities/upload.html", context)


def _jobs_context(me: User) -> dict[str, Any]:
    jobs = list(
        ImportJob.objects.filter(owner=me).select_related("activity", "duplicate_of")[:RECENT_JOBS]
    )
    return {
        "jobs": jobs,
        "jobs_running": any(not job.is_finished for job in jobs),
        "worker_note": worker_note(me).value,
    }


@login_required
def jobs(request: AuthedRequest) -> HttpResponse:
    """The list of recent jobs alone: what the upload page polls while any is unfinished."""
    return render(request, "activities/partials/jobs.html", _jobs_context(request.user))


@login_required
@require_POST
def retry(request: AuthedRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(ImportJob.objects.filter(owner=request.user), pk=pk)
    tasks.retry(job)
    if request.htmx:
        return jobs(request)
    return redirect("activities:upload")


@login_required
def original(request: AuthedRequest, pk: int) -> FileResponse:
    # The file as the device wrote it (the whole route, the device's serial number):
    # its owner's alone, whoever may see the activity.
    job = original_file(_owned(request, pk))
    if job is None:
        raise Http404("This activity was entered by hand: there is no file.")
    name = job.original_name.rsplit("/", 1)[-1]
    return FileResponse(job.original.open("rb"), as_attachment=True, filename=name)


@sign_in_unless_found
def gpx(request: HtmxRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(Activity.objects.map_visible_to(request.user), pk=pk)
    track = visible_track(activity, request.user) if activity.has_map else None
    if track is None or not track.has_position:
        raise Http404("This activity has no route to export.")
    response = HttpResponse(track_gpx(activity, track), content_type="application/gpx+xml")
    response["Content-Disposition"] = f'attachment; filename="{gpx_filename(activity)}"'
    return response


@login_required
def index(request: AuthedRequest) -> HttpResponse:
    me = request.user
    today = me.today()
    filters = listing.Filters.from_query(request.GET)
    page = Paginator(listing.filtered(me, filters), 25).get_page(request.GET.get("page"))
    cards = request.GET.get("view") == "cards"
    query = "&".join(q for q in (filters.query_string(), "view=cards" if cards else "") if q)
    context = {
        "page": page,
        "filters": filters,
        "sports": listing.sport_choices(),
        "units": me.unit_system,
        "today": today,
        "query": query,
        "cards": cards,
        "badges": badges_for(page.object_list, me, me.unit_system, today),
    }
    template = "activities/partials/list_rows.html" if request.htmx else "activities/list.html"
    return render(request, template, context)


@login_required
def calendar(request: AuthedRequest) -> HttpResponse:
    me = request.user
    today = me.today()
    month = listing.month_from_query(request.GET.get("month"), today)
    context = {"month": listing.month_calendar(me, month, today), "units": me.unit_system}
    return render(request, "activities/calendar.html", context)


@login_required
def delete(request: AuthedRequest, pk: int) -> HttpResponse:
    activity = _owned(request, pk)
    if request.method == "POST":
        title = activity.title
        delete_activity(activity)
        messages.success(request, f"“{title}” and its file are deleted.")
        return redirect("activities:index")
    return render(request, "activities/delete.html", {"activity": activity})

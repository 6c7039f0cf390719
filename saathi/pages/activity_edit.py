"""An activity's edit page, /activities/<pk>/edit/: its title, description, sport, time
zone, who sees it and its map, and who may comment.

The edit itself is activities.changes.edit_activity; the description may mention people,
and telling them is the conversations part's (above activities), so the page lives here
and calls both in one transaction: a rolled-back edit tells no one. Its route keeps the
name activities:edit (config/urls.py).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from saathi.accounts.requests import AuthedRequest
from saathi.accounts.sharing import who_sees
from saathi.activities.changes import edit_activity
from saathi.activities.forms import EditActivityForm
from saathi.activities.models import Activity
from saathi.conversations.mentions import write_mentions


@login_required
def edit_activity_page(request: AuthedRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(Activity.objects.owned_by(request.user), pk=pk)
    form = EditActivityForm(request.POST or None, instance=activity)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            edit_activity(activity, **form.cleaned_data)
            # Written again after every edit: a narrower visibility unlinks whoever may
            # no longer see it, a wider one links (and tells) whoever now may.
            write_mentions(
                activity=activity, author=activity.owner, text=activity.description, comment=None
            )
        messages.success(request, "Your changes are saved.")
        if activity.map_visibility != form.cleaned_data.get("map_visibility"):
            messages.info(request, _narrowed_map(activity))
        return redirect("activities:detail", pk=activity.pk)
    return render(request, "activities/edit.html", {"form": form, "activity": activity})


def _narrowed_map(activity: Activity) -> str:
    return (
        "No more people can see the map than see the activity, so its map is seen by "
        f"{who_sees(activity.map_visibility)}, as the activity is."
    )

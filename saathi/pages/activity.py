"""One activity's page, /activities/<pk>/: its figures, map, charts and badges as the
viewer may see them, who else was on its outing ("with Meera"), its kudos and comments,
and for its owner a way to tag who was there.

The activity is loaded through `Activity.objects.visible_to`, so what the viewer may not
see answers 404. Who sees the map is a second question (`map_shown`): a viewer allowed
the activity but not its map gets its title and figures only, and the original file is
its owner's alone. It gathers activities, records and outings, so it lives here, above
them; its route keeps the name activities:detail (config/urls.py).
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.timezone import now

from saathi.accounts.models import User
from saathi.accounts.requests import HtmxRequest
from saathi.accounts.visitors import sign_in_unless_found
from saathi.activities import tiles
from saathi.activities.exports import original_file
from saathi.activities.models import Activity
from saathi.activities.privacy import charts_seen_by
from saathi.activities.sports import shows_pace
from saathi.conversations.mentions import mentioned_handles
from saathi.conversations.thread import conversation
from saathi.records.badges import badges_for
from saathi.together.companions import companions_for
from saathi.units import Units


def map_shown(viewer: User | AnonymousUser, activity: Activity) -> bool:
    """Whether the viewer may see the route: the map, the charts and splits drawn from
    the samples, and the GPX export."""
    return Activity.objects.map_visible_to(viewer).filter(pk=activity.pk).exists()


def reading(request: HtmxRequest, activity: Activity) -> tuple[Units, date]:
    """The units and the "today" a page is read in: the viewer's own, or for a visitor
    who has not signed in, metric and the activity's own day."""
    me = request.user
    if isinstance(me, User):
        return me.unit_system, me.today()
    return Units.METRIC, now().astimezone(ZoneInfo(activity.timezone)).date()


@sign_in_unless_found
def activity_page(request: HtmxRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(
        Activity.objects.visible_to(request.user).select_related("owner"), pk=pk
    )
    me = request.user
    is_owner = activity.owner_id == me.pk
    units, today = reading(request, activity)
    route = map_shown(me, activity)
    # Whole for the owner, the visible part for anyone else (privacy zones).
    charts = charts_seen_by(activity, me, units) if route else None
    context = {
        "activity": activity,
        "is_owner": is_owner,
        "units": units,
        "today": today,
        "pace": shows_pace(activity.sport),
        # Formatted here: the date filter would turn it back into the server's zone.
        "start_clock": f"{activity.local_start:%H:%M}",
        "zone_name": activity.local_start.tzname(),
        "tiles": tiles.headline_tiles(activity, units),
        # Splits come from the samples along the route: they go with the map.
        "splits": tiles.split_rows(activity, units) if route else (0, ""),
        "split_unit": units.split_name,
        "laps": activity.laps,
        "best_efforts": tiles.best_efforts(activity),
        "badges": badges_for([activity], me, units, today),
        "zone_differs": isinstance(me, User) and activity.timezone != me.time_zone,
        "charts": charts.as_json() if charts else None,
        "summaries": charts.series if charts else [],
        "map_shown": route,
        "companions": companions_for(activity, me),
        "has_original": is_owner and original_file(activity) is not None,
        "map_tiles": {"url": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION},
    }
    # Kudos, who gave them, the comments and the form (conversations/thread.py).
    context.update(conversation(activity, me))
    context["description_links"] = mentioned_handles(activity)
    return render(request, "pages/activity.html", context)

"""The pages of training together: an outing, tagging who was there, answering a tag or
a suggestion, and the together figures between two partners.

Each loads what it shows through a helper that answers 404 for what the viewer may not
know exists (an outing none of whose activities she may see, someone else's tag), then
calls one workflow (tags.py, suggestions.py) and redirects, or renders.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from saathi.accounts.models import User
from saathi.accounts.requests import AuthedRequest
from saathi.activities.models import Activity
from saathi.people.circles import Relation, relation
from saathi.together import figures, tags
from saathi.together.eligible import taggable_by
from saathi.together.lines import colours, outing_lines, seen_on
from saathi.together.models import Outing, Suggestion, Tag, TagState
from saathi.together.suggestions import answer
from saathi.units import Units


def outing(request: HttpRequest, pk: int) -> HttpResponse:
    """Everyone on the outing whose activity the viewer may see, their lines on one map
    and their figures side by side; the others counted, as far as she may know of them."""
    found = get_object_or_404(Outing, pk=pk)
    seen = seen_on(found, request.user)
    if not seen:
        raise Http404("No such outing.")
    known = Activity.objects.known_to(request.user).filter(membership__outing=found)
    people = known.order_by().values("owner").distinct().count()
    lines = outing_lines(found, request.user)
    units = request.user.unit_system if request.user.is_authenticated else Units.METRIC
    colour = colours(seen)
    first = seen[0].local_start
    context = {
        "outing": found,
        # Formatted here, in the first activity's own zone: the date filter would turn
        # it back into the server's.
        "when": f"{first:%A} {first.day} {first:%B %Y, %H:%M}",
        "participants": [{"activity": a, "colour": colour[a.owner_id]} for a in seen],
        "others": people - len({a.owner_id for a in seen}),
        "lines": [line.as_json() for line in lines],
        "units": units,
        "map_tiles": {"url": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION},
    }
    return render(request, "together/outing.html", context)


def _own_activity(request: AuthedRequest, pk: int) -> Activity:
    return get_object_or_404(Activity.objects.owned_by(request.user), pk=pk)


@login_required
def tag_people(request: AuthedRequest, pk: int) -> HttpResponse:
    """On the owner's activity: who was there. GET lists whom she may tag and whom she
    has; POST tags one more (by handle)."""
    activity = _own_activity(request, pk)
    me = request.user
    if request.method == "POST":
        person = taggable_by(me).filter(handle=request.POST.get("handle", "")).first()
        if person is None:
            messages.error(
                request, "You can tag your training partners and people who follow you back."
            )
        else:
            tags.tag(activity=activity, person=person, asked_by=me)
            messages.success(request, f"{person.name} is asked whether she was with you.")
        return redirect("together:tag_people", pk=activity.pk)
    tagged = list(
        Tag.objects.filter(activity=activity).select_related("person").order_by("created")
    )
    context = {
        "activity": activity,
        "tagged": tagged,
        "choices": taggable_by(me).exclude(pk__in=[t.person_id for t in tagged]).order_by("handle"),
    }
    return render(request, "together/tag_people.html", context)


def _my_tag(request: AuthedRequest, pk: int) -> Tag:
    return get_object_or_404(
        Tag.objects.select_related("activity", "asked_by").filter(person=request.user), pk=pk
    )


@login_required
def tag(request: AuthedRequest, pk: int) -> HttpResponse:
    """The tagged person's page: who asked, and her answers. She is told the activity's
    title only if she may see it."""
    found = _my_tag(request, pk)
    context = {
        "tag": found,
        "visible": Activity.objects.visible_to(request.user).filter(pk=found.activity_id).exists(),
        "own": list(tags.own_recordings(found)) if found.state == TagState.ASKED else [],
    }
    return render(request, "together/tag.html", context)


@login_required
@require_POST
def accept_tag(request: AuthedRequest, pk: int) -> HttpResponse:
    found = _my_tag(request, pk)
    own = None
    if request.POST.get("own"):
        own = Activity.objects.owned_by(request.user).filter(pk=request.POST["own"]).first()
        if own is None:
            raise Http404("No such activity of yours.")
    try:
        mine = tags.accept(tag=found, own=own)
    except tags.TagRefused as refused:
        messages.error(request, str(refused))
        return redirect("together:tag", pk=found.pk)
    messages.success(request, "You are on the outing.")
    return redirect("activities:detail", pk=mine.pk)


@login_required
@require_POST
def decline_tag(request: AuthedRequest, pk: int) -> HttpResponse:
    found = _my_tag(request, pk)
    try:
        tags.decline(tag=found)
    except tags.TagRefused as refused:
        messages.error(request, str(refused))
    return redirect("together:tag", pk=found.pk)


def _my_suggestion(request: AuthedRequest, pk: int) -> tuple[Suggestion, str]:
    found = get_object_or_404(
        Suggestion.objects.select_related("first__owner", "second__owner"), pk=pk
    )
    side = found.side_of(request.user)
    if side is None:
        raise Http404("No such suggestion.")
    return found, side


@login_required
def suggestion(request: AuthedRequest, pk: int) -> HttpResponse:
    """ "Were you with Meera?": her activity and the other's, how long they overlapped."""
    found, side = _my_suggestion(request, pk)
    mine, theirs = (found.first, found.second) if side == "first" else (found.second, found.first)
    share = found.share if side == "first" else found.second_share
    context = {
        "suggestion": found,
        "mine": mine,
        "theirs": theirs,
        "share": share,
        "my_answer": getattr(found, f"{side}_answer"),
        "theirs_visible": Activity.objects.visible_to(request.user).filter(pk=theirs.pk).exists(),
    }
    return render(request, "together/suggestion.html", context)


@login_required
@require_POST
def answer_suggestion(request: AuthedRequest, pk: int) -> HttpResponse:
    found, _ = _my_suggestion(request, pk)
    answered = answer(suggestion=found, person=request.user, yes=request.POST.get("yes") == "1")
    if answered.accepted:
        messages.success(request, "You are on one outing together.")
    return redirect("together:suggestion", pk=found.pk)


@login_required
def together_page(request: AuthedRequest, handle: str) -> HttpResponse:
    """What the viewer and her training partner did together."""
    person = get_object_or_404(User, handle=handle, is_active=True)
    if relation(request.user, person) is not Relation.PARTNER:
        raise Http404("No such partner.")
    context = {
        "together": figures.between(request.user, person),
        "person": person,
        "units": request.user.unit_system,
        "today": request.user.today(),
    }
    return render(request, "together/together.html", context)

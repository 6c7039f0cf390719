"""People pages: search, followers and following, the requests waiting for an answer,
the people one blocked, and the buttons that follow, partner and block.

Each button is a POST to /people/<handle>/<what>/ that calls one workflow of
relations.py. An HTMX request gets the buttons back in their new state; any other is
sent back where it came from. Someone a block parts the viewer from is not found.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from saathi.accounts import rate_limits
from saathi.accounts.models import User
from saathi.accounts.requests import AuthedRequest, HtmxRequest
from saathi.people import relations
from saathi.people.directory import (
    asking,
    blocked_by,
    followers_of,
    following_of,
    listed,
    person_for,
    search,
    tie_of,
)

PER_PAGE = 50

# What each button does, with the signed-in person `me` and the person on the page.
Action = Callable[[User, User], object]
ACTIONS: dict[str, Action] = {
    "follow": lambda me, them: relations.ask_to_follow(follower=me, followed=them),
    "unfollow": lambda me, them: relations.unfollow(follower=me, followed=them),
    "accept_follow": lambda me, them: relations.accept_follow(followed=me, follower=them),
    "decline_follow": lambda me, them: relations.decline_follow(followed=me, follower=them),
    "remove_follower": lambda me, them: relations.remove_follower(followed=me, follower=them),
    "partner": lambda me, them: relations.ask_partner(asker=me, answerer=them),
    "accept_partner": lambda me, them: relations.accept_partner(answerer=me, asker=them),
    "decline_partner": lambda me, them: relations.decline_partner(answerer=me, asker=them),
    "end_partnership": lambda me, them: relations.end_partnership(person=me, other=them),
}


@login_required
def people_search(request: AuthedRequest) -> HttpResponse:
    words = request.GET.get("q", "").strip()
    context = {"q": words, "results": search(request.user, words)}
    if request.htmx:
        return render(request, "people/partials/results.html", context)
    return render(request, "people/search.html", context)


def _people_page(request: HtmxRequest, handle: str, which: str) -> HttpResponse:
    person = person_for(request.user, handle)
    people = (followers_of if which == "followers" else following_of)(person, request.user)
    page = Paginator(people.order_by("handle"), PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "person": person,
        "which": which,
        "page": page,
        "people": listed(page.object_list, request.user),
    }
    return render(request, "people/list.html", context)


def followers(request: HtmxRequest, handle: str) -> HttpResponse:
    return _people_page(request, handle, "followers")


def following(request: HtmxRequest, handle: str) -> HttpResponse:
    return _people_page(request, handle, "following")


@login_required
def requests_page(request: AuthedRequest) -> HttpResponse:
    follows, partners = asking(request.user)
    return render(request, "people/requests.html", {"follows": follows, "partners": partners})


@login_required
def blocked_page(request: AuthedRequest) -> HttpResponse:
    return render(request, "people/blocked.html", {"people": blocked_by(request.user)})


def _back(request: AuthedRequest, person: User) -> HttpResponse:
    """Where a button without HTMX returns: the page it was on, else the person's profile."""
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("profile", handle=person.handle)


@login_required
@require_POST
def act(request: AuthedRequest, handle: str, action: str) -> HttpResponse:
    """One button: follow, unfollow, accept, decline, remove, and the partner ones."""
    person = person_for(request.user, handle)
    if person.pk == request.user.pk:
        raise Http404("No such button.")
    # Following is what a script would spam people with; past the limit nothing is saved.
    lockout = rate_limits.spend(request.user, rate_limits.FOLLOWS) if action == "follow" else None
    if lockout is not None:
        if request.htmx:
            context = {"person": person, "tie": tie_of(person, request.user), "lockout": lockout}
            return render(request, "people/partials/buttons.html", context)
        messages.error(request, lockout.message)
        return _back(request, person)
    try:
        ACTIONS[action](request.user, person)
    except (ObjectDoesNotExist, relations.RelationError):
        raise Http404("Nothing to answer.") from None
    if request.htmx:
        person = person_for(request.user, handle)
        context = {"person": person, "tie": tie_of(person, request.user)}
        return render(request, "people/partials/buttons.html", context)
    return _back(request, person)


@login_required
@require_POST
def auto_join(request: AuthedRequest, handle: str) -> HttpResponse:
    person = person_for(request.user, handle)
    wanted = request.POST.get("auto_joins") == "on"
    try:
        relations.set_auto_join(person=request.user, partner=person, auto_joins=wanted)
    except ObjectDoesNotExist:
        raise Http404("Not partners.") from None
    return HttpResponse(status=204) if request.htmx else _back(request, person)


@login_required
@require_POST
def block(request: AuthedRequest, handle: str) -> HttpResponse:
    person = person_for(request.user, handle)
    if person.pk == request.user.pk:
        raise Http404("No such button.")
    relations.block(blocker=request.user, blocked=person)
    messages.success(request, f"You blocked @{person.handle}.")
    blocked_list = reverse("blocked_people")
    if request.htmx:
        return HttpResponse(headers={"HX-Redirect": blocked_list})
    return redirect(blocked_list)


@login_required
@require_POST
def unblock(request: AuthedRequest, handle: str) -> HttpResponse:
    # Looked up among the people the viewer blocked: their profile is not found for her.
    person = get_object_or_404(blocked_by(request.user), handle=handle)
    relations.unblock(blocker=request.user, blocked=person)
    if request.htmx:
        return HttpResponse("")
    messages.success(request, f"You unblocked @{person.handle}. Nothing else changed.")
    return redirect("blocked_people")

"""Reacting, commenting, editing and deleting a comment, under an activity's page.

Each view loads what it changes through the one rule of who sees what (404 for anything
the viewer may not see), spends the person's allowance (rate_limits), calls one workflow
and answers an htmx request with the conversation partial, or a plain form with a
redirect back to the activity's #conversation, so the page works without JavaScript.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from saathi.accounts import rate_limits
from saathi.accounts.requests import AuthedRequest
from saathi.activities.models import Activity
from saathi.conversations.comments import (
    CommentRefused,
    delete_comment,
    edit_comment,
    post_comment,
    refusal,
)
from saathi.conversations.forms import CommentForm
from saathi.conversations.mentions import mentioned_handles
from saathi.conversations.models import Comment, ReactionKind
from saathi.conversations.reactions import ReactionRefused, bar_for, react
from saathi.conversations.thread import conversation

PARTIAL = "conversations/partials/conversation.html"
BAR = "conversations/includes/reactions.html"


def _activity(request: AuthedRequest, pk: int) -> Activity:
    return get_object_or_404(
        Activity.objects.visible_to(request.user).select_related("owner"), pk=pk
    )


def _back(activity: Activity) -> HttpResponse:
    return redirect(reverse("activities:detail", args=[activity.pk]) + "#conversation")


def _answer(
    request: AuthedRequest,
    activity: Activity,
    *,
    form: CommentForm | None = None,
    problem: str = "",
    status: int = 200,
) -> HttpResponse:
    """The conversation partial for htmx (base.html lets htmx swap a 4xx answer in, so
    the message is shown where she tapped). Without JavaScript: back to the page when
    all went well, else a small page with the message and her comment to fix."""
    if request.htmx:
        context = conversation(activity, request.user, form=form, problem=problem)
        return render(request, PARTIAL, context, status=status)
    if status == 200:
        return _back(activity)
    context = {"activity": activity, "form": form, "problem": problem}
    return render(request, "conversations/comment.html", context, status=status)


@login_required
@require_POST
def react_view(request: AuthedRequest, pk: int) -> HttpResponse:
    """One tap: give, change or take back. A bar elsewhere than the activity's page (the
    feed) is answered with itself alone, and without JavaScript goes back to `next`."""
    activity = _activity(request, pk)
    kind = request.POST.get("kind", "")
    problem, status = "", 200
    if kind not in ReactionKind.values:
        problem, status = "Choose one of the five reactions.", 400
    elif (lockout := rate_limits.spend(request.user, rate_limits.REACTIONS)) is not None:
        problem, status = lockout.message, 429
    else:
        try:
            react(activity=activity, person=request.user, kind=ReactionKind(kind))
        except ReactionRefused:  # a block between her loading the page and tapping
            raise Http404("No such activity.") from None
    if request.htmx and request.htmx.target != "conversation":
        context = {"bar": bar_for(activity, request.user), "bar_problem": problem}
        return render(request, BAR, context, status=status)
    back = request.POST.get("next", "")
    if not request.htmx and status == 200 and _ours(request, back):
        return redirect(back)
    return _answer(request, activity, problem=problem, status=status)


def _ours(request: AuthedRequest, address: str) -> bool:
    return bool(address) and url_has_allowed_host_and_scheme(
        address, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


@login_required
@require_POST
def comment_view(request: AuthedRequest, pk: int) -> HttpResponse:
    activity = _activity(request, pk)
    why_not = refusal(activity, request.user)
    if why_not is not None:
        return _answer(request, activity, problem=why_not, status=403)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _answer(request, activity, form=form, status=422)
    lockout = rate_limits.spend(request.user, rate_limits.COMMENTS)
    if lockout is not None:
        form.add_error(None, lockout.message)
        return _answer(request, activity, form=form, status=429)
    try:
        post_comment(activity=activity, author=request.user, body=form.cleaned_data["body"])
    except CommentRefused as refused:  # the owner closed comments a moment ago
        return _answer(request, activity, problem=str(refused), status=403)
    return _answer(request, activity)


def _comment(request: AuthedRequest, pk: int, *, deleting: bool = False) -> Comment:
    """One comment the viewer is shown and may change: her own, or, to delete, any on
    her activity."""
    mine = Q(author=request.user)
    if deleting:
        mine |= Q(activity__owner=request.user)
    shown = Comment.objects.shown_to(request.user).filter(mine)
    return get_object_or_404(shown.select_related("activity__owner", "author"), pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def edit_view(request: AuthedRequest, pk: int) -> HttpResponse:
    comment = _comment(request, pk)
    activity = comment.activity
    why_not = refusal(activity, request.user)
    if why_not is not None:
        return _answer(request, activity, problem=why_not, status=403)
    posted = request.POST if request.method == "POST" else None
    form = CommentForm(posted, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        edit_comment(comment=comment, body=form.cleaned_data["body"])
        answer = _answer(request, activity)
        if request.htmx:
            # The inline form replaces itself (errors and all); once saved, the whole
            # conversation is new.
            answer["HX-Retarget"], answer["HX-Reswap"] = "#conversation", "outerHTML"
        return answer
    context = {
        "activity": activity,
        "comment": comment,
        "form": form,
        "linked": mentioned_handles(activity, comment),
    }
    template = "conversations/partials/edit.html" if request.htmx else "conversations/edit.html"
    return render(request, template, context, status=422 if form.errors else 200)


@login_required
@require_POST
def delete_view(request: AuthedRequest, pk: int) -> HttpResponse:
    comment = _comment(request, pk, deleting=True)
    activity = comment.activity
    delete_comment(comment)
    return _answer(request, activity)

"""The page that deletes an account: what goes, counted, then all of it on the password.

The deleting itself is accounts.deletion.delete_account (one cascade in one
transaction); this page counts across activities, records, goals, people, outings and
reports, so it sits above them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from saathi.accounts import login_limits
from saathi.accounts.deletion import delete_account
from saathi.accounts.forms import DeleteAccountForm
from saathi.accounts.models import User
from saathi.accounts.requests import AuthedRequest
from saathi.activities.models import Activity, ImportJob
from saathi.conversations.models import Comment, Reaction
from saathi.moderation.models import Report
from saathi.notifications.models import Notification
from saathi.people.models import Block, Follow, Partnership, PrivacyZone
from saathi.progress.models import Goal
from saathi.records.models import Milestone, Record
from saathi.together.models import Membership


@dataclass(frozen=True)
class Belongings:
    """What deleting an account takes with it, as the confirmation page counts it."""

    activities: int
    originals: int  # stored activity files: imported, duplicates and failed uploads alike
    records: int  # records held today (one per sport and measure), not their history
    badges: int
    goals: int
    has_photo: bool
    follows: int  # whom they follow and who follows them, requests included
    partnerships: int  # accepted, or asked and not yet answered
    blocks: int  # people they blocked (blocks of them go too, uncounted: they never knew)
    notifications: int
    zones: int
    outings: int  # outings with one of their activities: the others keep theirs on it
    reactions: int  # kudos and reactions they gave
    comments: int  # comments they wrote, anywhere
    said_to_them: int  # reactions and comments of others on their activities
    reports: int  # reports they sent the staff (reports about them stay, naming no one)


def belongings(user: User) -> Belongings:
    return Belongings(
        activities=Activity.objects.owned_by(user).count(),
        originals=ImportJob.objects.filter(owner=user).exclude(original="").count(),
        records=Record.objects.filter(owner=user).values("sport", "measure").distinct().count(),
        badges=Milestone.objects.filter(owner=user).count(),
        goals=Goal.objects.owned_by(user).count(),
        has_photo=bool(user.avatar),
        follows=Follow.objects.filter(Q(follower=user) | Q(followed=user)).count(),
        partnerships=Partnership.objects.filter(Q(asker=user) | Q(answerer=user)).count(),
        blocks=Block.objects.filter(blocker=user).count(),
        notifications=Notification.objects.for_person(user).count(),
        zones=PrivacyZone.objects.filter(owner=user).count(),
        outings=Membership.objects.filter(activity__owner=user).values("outing").distinct().count(),
        reactions=Reaction.objects.filter(person=user).count(),
        comments=Comment.objects.filter(author=user).count(),
        said_to_them=Reaction.objects.filter(activity__owner=user).exclude(person=user).count()
        + Comment.objects.filter(activity__owner=user).exclude(author=user).count(),
        reports=Report.objects.filter(reporter=user).count(),
    )


@login_required
@require_http_methods(["GET", "POST"])
@sensitive_post_parameters("password")
def delete_account_page(request: AuthedRequest) -> HttpResponse:
    """What deleting takes, counted; then, on POST with the right password, all of it.

    Wrong passwords count as failed logins (same limits, same counts): a session left
    open must not become a way to guess the password.
    """
    me = User.objects.get(pk=request.user.pk)
    form = DeleteAccountForm(me, request.POST or None)
    lockout = None
    if request.method == "POST":
        address = login_limits.client_address(request)
        lockout = login_limits.lockout(me.handle, address)
        if lockout is None and form.is_valid():
            delete_account(user=me)
            logout(request)
            login_limits.forget_failures(me.handle)
            messages.success(request, "Your account and everything in it are deleted.")
            return redirect("dashboard")
        if lockout is None and form.has_error("password", "wrong_password"):
            login_limits.record_failure(me.handle, address)
    context = {"form": form, "lockout": lockout, "belongings": belongings(me)}
    return render(request, "accounts/delete_account.html", context, status=429 if lockout else 200)

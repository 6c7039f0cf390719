"""While an account is suspended nobody else sees what it shared: its activities, its
profile, its place in lists and search, its words. Lifting the suspension brings it all
back as it was."""

from __future__ import annotations

import pytest
from django.test import Client

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.conversations.models import Comment
from saathi.notifications.models import Kind, Notification
from saathi.notifications.notices import newest
from saathi.notifications.sending import notify
from tests import people
from tests.moderation import comment, decide_in_admin, reported, run, staff_browser

pytestmark = pytest.mark.django_db


def test_her_activities_profile_lists_and_words_go_and_come_back(
    owner: User, follower: User, stranger: User
) -> None:
    activity = run(owner, "followers", title="Hill-repeats")
    theirs = run(stranger, title="Vikrams-run")
    comment(theirs, owner, "Nice one")
    notify(recipient=follower, actor=owner, kind=Kind.FOLLOW_ACCEPTED)
    report = reported(owner, by=stranger)
    staff = staff_browser()
    farid = people.browser_of(follower)

    def seen() -> dict[str, object]:
        return {
            "activity page": farid.get(f"/activities/{activity.pk}/").status_code,
            "profile": farid.get("/people/asha/").status_code,
            "in her followers' list": "@asha"
            in farid.get("/people/follower/following/").content.decode(),
            "in search": "@asha" in farid.get("/people/?q=asha").content.decode(),
            "her activities": Activity.objects.visible_to(follower).filter(owner=owner).count(),
            "for visitors": Activity.objects.visible_to(None).filter(owner=owner).count(),
            "her words": Comment.objects.shown_to(follower).filter(author=owner).count(),
            "what she did, told": [
                notice.text for notice in newest(follower, Notification.objects.all())
            ],
        }

    before = seen()
    assert before == {
        "activity page": 200,
        "profile": 200,
        "in her followers' list": True,
        "in search": True,
        "her activities": 1,
        "for visitors": 0,
        "her words": 1,
        "what she did, told": ["Asha Rao accepted your follow request"],
    }
    decide_in_admin(staff, "suspended", report)
    assert seen() == {
        "activity page": 404,
        "profile": 404,
        "in her followers' list": False,
        "in search": False,
        "her activities": 0,
        "for visitors": 0,
        "her words": 0,
        "what she did, told": [],
    }
    decide_in_admin(staff, "unsuspended", report)
    assert seen() == before


def test_a_visitor_no_longer_sees_her_public_profile(
    owner: User, stranger: User, client: Client
) -> None:
    owner.public_profile = True
    owner.save()
    activity = run(owner, "public")
    assert client.get(f"/activities/{activity.pk}/").status_code == 200
    decide_in_admin(staff_browser(), "suspended", reported(activity, by=stranger))
    owner.refresh_from_db()
    assert not owner.is_active
    assert client.get(f"/activities/{activity.pk}/").status_code == 302  # sign in: not found
    assert client.get("/people/asha/").status_code == 404

"""Whoever may see someone else's activity may report it; the activity page links to
the form, for others' activities only."""

from __future__ import annotations

import pytest
from django.test import Client

from saathi.accounts.models import User
from saathi.moderation.models import Kind, Report
from tests import people
from tests.moderation import run

pytestmark = pytest.mark.django_db


def test_a_follower_reports_a_followers_only_activity(owner: User, follower: User) -> None:
    activity = run(owner, "followers", title="Hill-repeats")
    browser = people.browser_of(follower)
    assert "Hill-repeats" in browser.get(f"/report/activities/{activity.pk}/").content.decode()
    response = browser.post(f"/report/activities/{activity.pk}/", {"reason": "private"})
    assert response["Location"] == f"/activities/{activity.pk}/"
    [saved] = Report.objects.all()
    assert (saved.reporter, saved.kind, saved.activity, saved.reason) == (
        follower,
        Kind.ACTIVITY,
        activity,
        "private",
    )


def test_the_activity_page_links_to_the_form_for_others_only(
    owner: User, owner_client: Client, stranger_client: Client
) -> None:
    activity = run(owner)
    link = f"/report/activities/{activity.pk}/?next="
    assert link in stranger_client.get(f"/activities/{activity.pk}/").content.decode()
    assert link not in owner_client.get(f"/activities/{activity.pk}/").content.decode()

"""A partner's milestone notice is worded when she reads it, from what she may see then:
its comparison never names a ride hidden from her, it is gone from her page and her count
once she may not see the activity, and it goes with the activity."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest

from saathi.accounts.models import User
from saathi.activities.changes import delete_activity
from saathi.activities.models import Activity
from saathi.notifications.models import Kind, Notification
from saathi.notifications.notices import notice_for, unread_count
from saathi.records.badges import short_date
from tests.people import browser_of
from tests.records.history import entry
from tests.records.test_partners_are_told_of_a_milestone import days_ago

pytestmark = pytest.mark.django_db

Capture = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]


@pytest.fixture
def longest(owner: User, partner: User, django_capture_on_commit_callbacks: Capture) -> Activity:
    """A 48 km ride, then a 65 km one: her partner is told of the 65."""
    with django_capture_on_commit_callbacks(execute=True):
        entry(owner, days_ago(10), km=48, visibility="partners")
        ride = entry(owner, days_ago(2), km=65, visibility="partners")
    assert Notification.objects.filter(recipient=partner).count() == 1
    return ride


def test_the_comparison_names_only_a_ride_she_may_see(
    owner: User, partner: User, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        shared = entry(owner, days_ago(20), km=30, visibility="partners")
        entry(owner, days_ago(10), km=48, visibility="only_me")
        entry(owner, days_ago(2), km=65, visibility="partners")
    [row] = Notification.objects.filter(recipient=partner, kind=Kind.PARTNER_MILESTONE)
    notice = notice_for(row, partner)
    assert notice is not None
    before = short_date(shared.local_date, partner.today())
    assert notice.text == f"Asha Rao: longest ride so far — 65.0 km (previous 30.0 km on {before})"
    assert "48" not in notice.text


def test_it_is_not_news_when_the_only_earlier_ride_is_hidden_from_her(
    owner: User, partner: User, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        entry(owner, days_ago(10), km=48, visibility="only_me")
        entry(owner, days_ago(2), km=65, visibility="partners")
    assert not Notification.objects.filter(recipient=partner).exists()


def test_once_the_ride_is_hidden_from_her_the_notice_is_gone(
    owner: User, partner: User, longest: Activity
) -> None:
    browser = browser_of(partner)
    assert unread_count(partner) == 1
    Activity.objects.filter(pk=longest.pk).update(visibility="only_me")
    assert unread_count(partner) == 0
    html = browser.get("/notifications/").content.decode()
    assert "longest ride so far" not in html
    assert "unread-count" not in html


def test_it_shows_on_her_notifications_page(partner: User, longest: Activity) -> None:
    html = browser_of(partner).get("/notifications/").content.decode()
    assert "Asha Rao: longest ride so far — 65.0 km" in html
    assert f'href="/activities/{longest.pk}/"' in html


def test_deleting_the_ride_deletes_the_notice(partner: User, longest: Activity) -> None:
    delete_activity(longest)
    assert not Notification.objects.filter(recipient=partner).exists()

"""The notifications page lists a person's notifications newest first and marks them read
once seen; the header counts the unread ones on every page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils.timezone import now

from saathi.accounts.models import User
from saathi.notifications.models import Kind, Notification
from tests.people import browser_of

pytestmark = pytest.mark.django_db


def _told(recipient: User, actor: User, kind: Kind, minutes_ago: int) -> Notification:
    notification = Notification.objects.create(recipient=recipient, actor=actor, kind=kind)
    Notification.objects.filter(pk=notification.pk).update(
        created=now() - timedelta(minutes=minutes_ago)
    )
    return notification


def test_newest_first_worded_for_the_reader(owner: User, stranger: User, follower: User) -> None:
    _told(owner, stranger, Kind.FOLLOW_REQUESTED, minutes_ago=30)
    _told(owner, follower, Kind.PARTNER_ACCEPTED, minutes_ago=5)
    html = browser_of(owner).get("/notifications/").content.decode()
    newer = html.index("Farid Khan and you are training partners now")
    older = html.index("Vikram Singh asked to follow you")
    assert newer < older
    assert 'href="/people/requests/"' in html
    assert 'href="/people/follower/"' in html


def test_they_are_marked_read_once_seen(owner: User, stranger: User) -> None:
    _told(owner, stranger, Kind.FOLLOWED, minutes_ago=1)
    browser = browser_of(owner)
    first = browser.get("/notifications/").content.decode()
    assert "notice-unread" in first
    assert Notification.objects.unread().count() == 0
    assert "notice-unread" not in browser.get("/notifications/").content.decode()


def test_nobody_sees_anyone_elses(owner: User, stranger: User, follower: User) -> None:
    _told(owner, follower, Kind.FOLLOWED, minutes_ago=1)
    html = browser_of(stranger).get("/notifications/").content.decode()
    assert "Farid Khan" not in html
    assert Notification.objects.unread().count() == 1


def test_the_header_counts_the_unread(owner: User, stranger: User, follower: User) -> None:
    _told(owner, stranger, Kind.FOLLOWED, minutes_ago=2)
    _told(owner, follower, Kind.FOLLOWED, minutes_ago=1)
    browser = browser_of(owner)
    assert '<span class="unread-count">2<' in browser.get("/settings/").content.decode()
    browser.get("/notifications/")
    assert "unread-count" not in browser.get("/settings/").content.decode()


def test_a_visitor_is_sent_to_log_in(db: None) -> None:
    assert browser_of(None).get("/notifications/").status_code == 302

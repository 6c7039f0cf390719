"""The header's unread count counts only what the page would show her: a notice whose
subject she may no longer see, or whose subject is gone, is not a number either."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from saathi.accounts.models import User
from saathi.notifications.models import Kind, Notification
from saathi.notifications.notices import unread_count
from saathi.people.models import Follow
from tests.people import browser_of

pytestmark = pytest.mark.django_db


def _about(subject: Follow, recipient: User, actor: User) -> Notification:
    notification = Notification(recipient=recipient, actor=actor, kind=Kind.COMMENTED)
    notification.subject = subject
    notification.save()
    return notification


def test_a_notice_out_of_her_sight_is_not_counted(
    owner: User, stranger: User, follower: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    Notification.objects.create(recipient=owner, actor=stranger, kind=Kind.FOLLOWED)
    _about(Follow.objects.get(follower=follower), owner, follower)
    monkeypatch.setattr(Follow, "notice_for", lambda self, reader: None, raising=False)
    html = browser_of(owner).get("/settings/").content.decode()
    assert '<span class="unread-count">1<' in html


def test_a_notice_whose_subject_is_gone_is_not_counted(
    owner: User, stranger: User, follower: User
) -> None:
    subject = Follow.objects.get(follower=follower)
    _about(subject, owner, stranger)
    assert unread_count(owner) == 1
    subject.delete()
    assert unread_count(owner) == 0
    assert "unread-count" not in browser_of(owner).get("/settings/").content.decode()


def test_counting_costs_the_same_queries_for_1_or_30(
    owner: User, stranger: User, follower: User
) -> None:
    subject = Follow.objects.get(follower=follower)
    _about(subject, owner, stranger)
    with CaptureQueriesContext(connection) as one:
        assert unread_count(owner) == 1
    for _ in range(29):
        _about(subject, owner, stranger)
    with CaptureQueriesContext(connection) as thirty:
        assert unread_count(owner) == 30
    assert len(thirty) == len(one) == 2  # the rows with their actors, then the subjects


def test_the_page_with_its_count_costs_the_same_queries_for_1_or_30(
    owner: User, stranger: User, follower: User
) -> None:
    subject = Follow.objects.get(follower=follower)
    browser = browser_of(owner)
    _about(subject, owner, stranger)
    with CaptureQueriesContext(connection) as one:
        browser.get("/notifications/")
    for _ in range(30):
        _about(subject, owner, stranger)
    with CaptureQueriesContext(connection) as thirty:
        html = browser.get("/notifications/").content.decode()
    assert html.count("notice-unread") == 30
    assert len(thirty) == len(one)

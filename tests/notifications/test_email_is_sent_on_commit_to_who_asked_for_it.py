"""A notification is emailed, once its transaction commits, to people who asked for email."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.core import mail
from django.db import transaction

from saathi.accounts.models import User
from saathi.notifications.models import How, Kind, Notification
from saathi.people.relations import ask_to_follow
from tests.notifications.choices import choose

pytestmark = pytest.mark.django_db

Capture = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]


def test_someone_who_asked_for_email_gets_one_after_the_commit(
    owner: User, stranger: User, django_capture_on_commit_callbacks: Capture
) -> None:
    choose(owner, How.EMAIL)
    with django_capture_on_commit_callbacks(execute=True):
        ask_to_follow(follower=stranger, followed=owner)
        assert mail.outbox == []
    [sent] = mail.outbox
    assert sent.to == ["asha@example.org"]
    assert "Vikram Singh asked to follow you" in sent.subject
    # Absolute links, from SAATHI_SITE_URL: to what it is about and to the settings.
    assert "http://127.0.0.1:8000/people/requests/" in sent.body
    assert "http://127.0.0.1:8000/settings/notifications/" in sent.body
    assert Notification.objects.get(recipient=owner).mailed_at is not None


def test_only_the_kinds_she_wants_by_email_are_mailed(
    owner: User, stranger: User, django_capture_on_commit_callbacks: Capture
) -> None:
    choose(owner, How.EMAIL, Kind.PARTNER_REQUESTED)
    with django_capture_on_commit_callbacks(execute=True):
        ask_to_follow(follower=stranger, followed=owner)
    assert Notification.objects.filter(recipient=owner, kind=Kind.FOLLOW_REQUESTED).exists()
    assert mail.outbox == []


def test_nobody_is_emailed_by_default(
    owner: User, stranger: User, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        ask_to_follow(follower=stranger, followed=owner)
    assert Notification.objects.filter(recipient=owner).exists()
    assert mail.outbox == []


def test_a_rolled_back_ask_sends_nothing_and_leaves_nothing(
    owner: User, stranger: User, django_capture_on_commit_callbacks: Capture
) -> None:
    choose(owner, How.EMAIL)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        ask_to_follow(follower=stranger, followed=owner)
        raise RuntimeError("the request failed after the follow")
    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_what_a_suspended_account_asked_is_not_mailed(owner: User, stranger: User) -> None:
    # Suspended between the ask and the worker's turn: nothing goes, by mail as on the page.
    from saathi.notifications.mail import mail_one

    choose(owner, How.EMAIL)
    ask_to_follow(follower=stranger, followed=owner)
    stranger.is_active = False
    stranger.save()
    assert mail_one(Notification.objects.get(recipient=owner).pk) is False
    assert mail.outbox == []

"""A notification is emailed, once its transaction commits, to people who asked for email."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.core import mail
from django.db import transaction

from saathi.accounts.models import User
from saathi.notifications.models import Notification
from saathi.people.relations import ask_to_follow

pytestmark = pytest.mark.django_db

Capture = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]


def test_someone_who_asked_for_email_gets_one_after_the_commit(
    owner: User, stranger: User, django_capture_on_commit_callbacks: Capture
) -> None:
    owner.email_notifications = True
    owner.save()
    with django_capture_on_commit_callbacks(execute=True):
        ask_to_follow(follower=stranger, followed=owner)
        assert mail.outbox == []
    [sent] = mail.outbox
    assert sent.to == ["asha@example.org"]
    assert "Vikram Singh asked to follow you" in sent.subject


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
    owner.email_notifications = True
    owner.save()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        ask_to_follow(follower=stranger, followed=owner)
        raise RuntimeError("the request failed after the follow")
    assert mail.outbox == []
    assert not Notification.objects.exists()

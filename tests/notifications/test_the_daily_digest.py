"""Whoever chose the digest gets one mail a day, at SAATHI_DIGEST_HOUR of her own clock,
listing what she has not read nor been mailed of the kinds she wants by email; nothing
to say, no mail."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

import pytest
from django.core import mail
from pytest_django.fixtures import Settings

from saathi.accounts.models import User
from saathi.notifications.mail import send_digests
from saathi.notifications.models import How, Kind, Notification
from saathi.notifications.sending import notify
from saathi.people.models import Follow
from tests.notifications.choices import choose

pytestmark = pytest.mark.django_db

Capture = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]

# 07:30 in Asha's Kolkata, 02:00 in Vikram's London.
SEVEN_IN_KOLKATA = datetime(2026, 12, 8, 2, 0, tzinfo=UTC)


def _told(owner: User, *actors: User, kind: Kind = Kind.FOLLOWED) -> list[Notification]:
    return [Notification.objects.create(recipient=owner, actor=a, kind=kind) for a in actors]


def test_one_mail_lists_them_all_and_none_is_mailed_again(
    owner: User, stranger: User, follower: User
) -> None:
    choose(owner, How.EMAIL, digest=True)
    _told(owner, stranger, follower)
    assert send_digests(SEVEN_IN_KOLKATA) == 1
    [sent] = mail.outbox
    assert sent.to == ["asha@example.org"]
    assert sent.subject == "Saathi: 2 new notifications"
    assert "Vikram Singh started following you" in sent.body
    assert "Farid Khan started following you" in sent.body
    assert "http://127.0.0.1:8000/settings/notifications/" in sent.body
    assert not Notification.objects.not_mailed().exists()
    assert send_digests(SEVEN_IN_KOLKATA) == 0  # the job run twice in the hour
    assert len(mail.outbox) == 1


def test_it_goes_at_the_hour_of_her_own_clock(
    owner: User, stranger: User, settings: Settings
) -> None:
    choose(owner, How.EMAIL, digest=True)
    _told(owner, stranger)
    assert send_digests(datetime(2026, 12, 8, 7, 0, tzinfo=UTC)) == 0  # 12:30 for her
    settings.SAATHI_DIGEST_HOUR = 12
    assert send_digests(datetime(2026, 12, 8, 7, 0, tzinfo=UTC)) == 1


def test_nothing_to_say_sends_nothing(owner: User, stranger: User, follower: User) -> None:
    choose(owner, How.EMAIL, digest=True)
    choose(owner, How.IN_APP, Kind.FOLLOWED)  # on the page only: not for the digest
    _told(owner, stranger)
    read = _told(owner, follower, kind=Kind.PARTNER_ACCEPTED)[0]
    Notification.objects.filter(pk=read.pk).update(read_at=SEVEN_IN_KOLKATA)
    assert send_digests(SEVEN_IN_KOLKATA) == 0
    assert mail.outbox == []


def test_a_notice_now_out_of_her_sight_is_left_out(
    owner: User, stranger: User, follower: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(owner, How.EMAIL, digest=True)
    monkeypatch.setattr(Follow, "notice_for", lambda self, reader: None, raising=False)
    hidden = Notification(recipient=owner, actor=follower, kind=Kind.COMMENTED)
    hidden.subject = Follow.objects.get(follower=follower)
    hidden.save()
    _told(owner, stranger)
    send_digests(SEVEN_IN_KOLKATA)
    [sent] = mail.outbox
    assert sent.subject == "Saathi: 1 new notification"
    assert "Farid" not in sent.body
    assert Notification.objects.get(pk=hidden.pk).mailed_at is None


def test_with_the_digest_chosen_no_mail_goes_one_by_one(
    owner: User, stranger: User, django_capture_on_commit_callbacks: Capture
) -> None:
    choose(owner, How.EMAIL, digest=True)
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipient=owner, actor=stranger, kind=Kind.FOLLOWED)
    assert mail.outbox == []


def test_only_those_who_chose_it_get_one(owner: User, stranger: User) -> None:
    choose(owner, How.EMAIL)  # one mail per notification, not a digest
    _told(owner, stranger)
    assert send_digests(SEVEN_IN_KOLKATA) == 0

"""The email goes from the worker, worded then from what its reader may see, once: a
retried job, or a notice she may no longer see, mails nothing."""

from __future__ import annotations

import pytest
from django.core import mail
from pytest_django.fixtures import Settings

from saathi.accounts.models import User
from saathi.notifications.mail import mail_one
from saathi.notifications.models import How, Kind, Notification
from saathi.people.models import Follow
from tests.notifications.choices import choose

pytestmark = pytest.mark.django_db


def _told(owner: User, actor: User, kind: Kind = Kind.FOLLOWED) -> Notification:
    # Made directly: the job is called by hand below, as the worker would.
    return Notification.objects.create(recipient=owner, actor=actor, kind=kind)


def test_a_retried_job_mails_once(owner: User, stranger: User) -> None:
    choose(owner, How.EMAIL)
    notification = _told(owner, stranger)
    assert mail_one(notification.pk) is True
    assert mail_one(notification.pk) is False
    assert len(mail.outbox) == 1


def test_the_link_is_built_from_the_site_url(
    owner: User, stranger: User, settings: Settings
) -> None:
    settings.SAATHI_SITE_URL = "https://saathi.example.org"
    choose(owner, How.EMAIL)
    mail_one(_told(owner, stranger).pk)
    [sent] = mail.outbox
    assert "https://saathi.example.org/people/vikram/" in sent.body
    assert "https://saathi.example.org/settings/notifications/" in sent.body


def test_a_notice_out_of_her_sight_by_then_mails_nothing(
    owner: User, stranger: User, follower: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(owner, How.EMAIL)
    monkeypatch.setattr(Follow, "notice_for", lambda self, reader: None, raising=False)
    notification = Notification(recipient=owner, actor=stranger, kind=Kind.COMMENTED)
    notification.subject = Follow.objects.get(follower=follower)
    notification.save()
    assert mail_one(notification.pk) is False
    assert mail.outbox == []
    assert Notification.objects.get(pk=notification.pk).mailed_at is None


def test_a_notice_whose_subject_is_gone_mails_nothing(
    owner: User, stranger: User, follower: User
) -> None:
    choose(owner, How.EMAIL)
    subject = Follow.objects.get(follower=follower)
    notification = Notification(recipient=owner, actor=stranger, kind=Kind.TAGGED)
    notification.subject = subject
    notification.save()
    subject.delete()
    assert mail_one(notification.pk) is False
    assert mail.outbox == []


def test_a_mind_changed_while_the_job_waited_is_respected(owner: User, stranger: User) -> None:
    choose(owner, How.EMAIL)
    notification = _told(owner, stranger)
    choose(owner, How.IN_APP)
    assert mail_one(notification.pk) is False
    choose(owner, How.EMAIL, digest=True)  # the digest will tell it instead
    assert mail_one(notification.pk) is False
    assert mail.outbox == []

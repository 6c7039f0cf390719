"""Each person chooses, kind by kind: off (no notification at all), in Saathi (the
default), or in Saathi and by email."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.core import mail

from saathi.accounts.models import User
from saathi.notifications.models import How, Kind, Notification, Preferences
from saathi.notifications.sending import notify
from tests.notifications.choices import choose

pytestmark = pytest.mark.django_db

Capture = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]


def test_by_default_everything_is_shown_and_nothing_mailed(
    owner: User, stranger: User, django_capture_on_commit_callbacks: Capture
) -> None:
    assert {Preferences.of(owner).how(kind) for kind in Kind} == {How.IN_APP}
    with django_capture_on_commit_callbacks(execute=True):
        made = notify(recipient=owner, actor=stranger, kind=Kind.FOLLOWED)
    assert made is not None
    assert Notification.objects.filter(recipient=owner).count() == 1
    assert mail.outbox == []


def test_a_kind_turned_off_leaves_no_row_at_all(
    owner: User, stranger: User, django_capture_on_commit_callbacks: Capture
) -> None:
    choose(owner, How.EMAIL)
    choose(owner, How.OFF, Kind.FOLLOWED)
    with django_capture_on_commit_callbacks(execute=True):
        assert notify(recipient=owner, actor=stranger, kind=Kind.FOLLOWED) is None
        notify(recipient=owner, actor=stranger, kind=Kind.PARTNER_REQUESTED)
    assert list(Notification.objects.values_list("kind", flat=True)) == ["partner_requested"]
    [sent] = mail.outbox
    assert "asked you to be training partners" in sent.subject


def test_one_persons_choice_is_not_anothers(owner: User, stranger: User, follower: User) -> None:
    choose(owner, How.OFF)
    notify(recipient=follower, actor=stranger, kind=Kind.FOLLOWED)
    assert Notification.objects.filter(recipient=follower).count() == 1


def test_a_stored_choice_that_is_no_longer_one_counts_as_the_default(owner: User) -> None:
    Preferences.objects.create(person=owner, choices={"followed": "pigeon"})
    assert Preferences.of(owner).how(Kind.FOLLOWED) == How.IN_APP

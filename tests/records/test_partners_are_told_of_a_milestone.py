"""When an activity sets a "so far" milestone (longest, biggest climb, best effort) that
beats an earlier one, each of the owner's training partners who may see it is told,
once: "Asha Rao: longest ride so far — 65.0 km (previous 48.0 km on 2 Aug)"."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from saathi.accounts.models import User
from saathi.notifications.models import How, Kind, Notification
from saathi.notifications.notices import notice_for
from saathi.records.badges import short_date
from saathi.records.news import tell_partners
from tests.notifications.choices import choose
from tests.records.history import KOLKATA, entry, imported_ride

pytestmark = pytest.mark.django_db

Capture = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]


def days_ago(days: int) -> str:
    return f"{(timezone.now().astimezone(KOLKATA) - timedelta(days=days)):%Y-%m-%d} 07:00"


def _told(person: User) -> list[str]:
    rows = Notification.objects.filter(recipient=person, kind=Kind.PARTNER_MILESTONE)
    return [notice.text for row in rows if (notice := notice_for(row, person)) is not None]


def test_her_partner_is_told_of_her_longest_ride(
    owner: User, partner: User, follower: User, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        first = entry(owner, days_ago(10), km=48, visibility="partners")
        longest = entry(owner, days_ago(2), km=65, visibility="partners")
    before = short_date(first.local_date, partner.today())
    assert _told(partner) == [
        f"Asha Rao: longest ride so far — 65.0 km (previous 48.0 km on {before})"
    ]
    [row] = Notification.objects.filter(recipient=partner)
    assert row.actor == owner
    notice = notice_for(row, partner)
    assert notice is not None and notice.url == f"/activities/{longest.pk}/"
    assert _told(follower) == []  # a follower, not a partner
    assert not Notification.objects.filter(recipient=owner).exists()


def test_a_first_ride_is_not_news(
    owner: User, partner: User, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        entry(owner, days_ago(2), km=65, visibility="partners")
    assert _told(partner) == []


def test_an_old_ride_is_not_news(
    owner: User, partner: User, django_capture_on_commit_callbacks: Capture
) -> None:
    # A year's archive imported tonight must not flood her partners.
    with django_capture_on_commit_callbacks(execute=True):
        entry(owner, days_ago(60), km=48, visibility="partners")
        entry(owner, days_ago(40), km=65, visibility="partners")
    assert _told(partner) == []


def test_a_ride_shorter_than_the_longest_is_not_news(
    owner: User, partner: User, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        entry(owner, days_ago(10), km=65, visibility="partners")
        entry(owner, days_ago(2), km=48, minutes=180, visibility="partners")
    assert _told(partner) == []


def test_a_partner_who_may_not_see_the_ride_is_not_told(
    owner: User, partner: User, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        entry(owner, days_ago(10), km=48, visibility="partners")
        entry(owner, days_ago(2), km=65, visibility="only_me")
    assert not Notification.objects.filter(recipient=partner).exists()


def test_it_is_told_once(owner: User, partner: User) -> None:
    entry(owner, days_ago(10), km=48, visibility="partners")
    longest = entry(owner, days_ago(2), km=65, visibility="partners")
    assert tell_partners(longest.pk) == 1
    assert tell_partners(longest.pk) == 0
    assert Notification.objects.filter(recipient=partner).count() == 1


def test_an_import_tells_her_partners_after_it_commits(
    owner: User, partner: User, django_capture_on_commit_callbacks: Capture
) -> None:
    owner.default_visibility = "partners"
    owner.save()
    choose(partner, How.EMAIL, Kind.PARTNER_MILESTONE)
    with django_capture_on_commit_callbacks(execute=True):
        imported_ride(owner, 12, days_ago(5))
        imported_ride(owner, 20, days_ago(1))
        assert not Notification.objects.filter(recipient=partner).exists()
    [text] = _told(partner)
    assert text.startswith("Asha Rao: longest ride so far — 20.0 km (previous 12.0 km on ")
    [sent] = mail.outbox
    assert sent.to == [partner.email]
    assert text in sent.subject

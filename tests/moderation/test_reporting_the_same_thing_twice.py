"""A second report of the same thing, while the first is open, updates the first: staff
read one report per person and thing. Once handled, a new report is a new one."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.test import Client

from saathi.accounts.models import User
from saathi.moderation.models import Kind, Report, Status
from tests.moderation import run

pytestmark = pytest.mark.django_db


def test_the_second_report_updates_the_first(owner: User, stranger_client: Client) -> None:
    activity = run(owner)
    url = f"/report/activities/{activity.pk}/"
    stranger_client.post(url, {"reason": "spam"})
    response = stranger_client.post(url, {"reason": "private", "note": "Her address"}, follow=True)
    assert "You had reported this already" in response.content.decode()
    [saved] = Report.objects.all()
    assert (saved.reason, saved.note) == ("private", "Her address")


def test_a_handled_report_leaves_room_for_a_new_one(owner: User, stranger_client: Client) -> None:
    activity = run(owner)
    url = f"/report/activities/{activity.pk}/"
    stranger_client.post(url, {"reason": "spam"})
    Report.objects.update(status=Status.DISMISSED)
    stranger_client.post(url, {"reason": "spam"})
    assert sorted(Report.objects.values_list("status", flat=True)) == ["dismissed", "open"]


def test_the_database_refuses_a_second_open_report(owner: User, stranger: User) -> None:
    # Two reports sent at once both pass the lookup; the constraint keeps one.
    Report.objects.create(reporter=stranger, kind=Kind.PERSON, person=owner, reason="spam")
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.create(reporter=stranger, kind=Kind.PERSON, person=owner, reason="other")


def test_a_report_names_only_the_thing_of_its_kind(owner: User, stranger: User) -> None:
    activity = run(owner)
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.create(
            reporter=stranger, kind=Kind.PERSON, person=owner, activity=activity, reason="spam"
        )

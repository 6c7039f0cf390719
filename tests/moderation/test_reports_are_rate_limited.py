"""Past REPORTS (10 an hour) a report is not saved, and she is told when she may send
the next one."""

from __future__ import annotations

import pytest
from django.test import Client

from saathi.accounts.models import User
from saathi.accounts.rate_limits import REPORTS
from saathi.moderation.models import Report
from tests.moderation import run

pytestmark = pytest.mark.django_db


def test_the_report_past_the_limit_is_refused_with_a_message(
    owner: User, stranger_client: Client
) -> None:
    activities = [run(owner, title=f"Run-{n}") for n in range(REPORTS.times + 1)]
    for activity in activities[:-1]:
        assert (
            stranger_client.post(
                f"/report/activities/{activity.pk}/", {"reason": "spam"}
            ).status_code
            == 302
        )
    response = stranger_client.post(f"/report/activities/{activities[-1].pk}/", {"reason": "spam"})
    assert response.status_code == 429
    assert "Too many reports; try again in 60 minutes." in response.content.decode()
    assert Report.objects.count() == REPORTS.times

"""What the moderation tests share: a run of Asha's at a level, a comment on it, a report,
and the site's staff deciding in the admin as a person would, through its action form."""

from __future__ import annotations

from datetime import datetime

from django.test import Client

from saathi.accounts.models import User
from saathi.activities.manual import create_manual_activity
from saathi.activities.models import Activity
from saathi.conversations.models import Comment
from saathi.moderation.models import Reason, Report
from saathi.moderation.reporting import Reportable, report
from tests import people


def run(owner: User, visibility: str = "public", title: str = "Morning-run") -> Activity:
    return create_manual_activity(
        owner=owner,
        sport="run",
        start=datetime(2026, 5, 2, 7),
        duration_s=1800,
        distance_m=5000,
        title=title,
        visibility=visibility,
        map_visibility=visibility,
    )


def comment(on: Activity, by: User, body: str = "Slowcoach") -> Comment:
    return Comment.objects.create(activity=on, author=by, body=body)


def reported(thing: Reportable, by: User, reason: str = Reason.HARASSMENT) -> Report:
    made, _ = report(reporter=by, thing=thing, reason=reason)
    return made


def staff_browser() -> Client:
    chief = User.objects.create_superuser("chief", "chief@example.org", people.PASSWORD)
    return people.browser_of(chief)


def decide_in_admin(browser: Client, action: str, *reports: Report) -> str:
    """Select `reports` in the admin's list and run `action`; the page it lands on."""
    response = browser.post(
        "/admin/moderation/report/",
        {"action": action, "_selected_action": [r.pk for r in reports]},
        follow=True,
    )
    assert response.status_code == 200
    return response.content.decode()

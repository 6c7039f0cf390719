"""What the conversation tests share: one of Asha's runs, and the notices a person gets."""

from __future__ import annotations

from datetime import datetime

from saathi.accounts.models import User
from saathi.activities.manual import create_manual_activity
from saathi.activities.models import Activity
from saathi.notifications.models import Notification
from saathi.notifications.notices import notice_for


def hill_run(owner: User, visibility: str = "public", **fields: object) -> Activity:
    """Her "Hill run", entered by hand, seen by `visibility`."""
    run = create_manual_activity(
        owner=owner,
        sport="run",
        start=datetime(2026, 5, 2, 6, 30),
        duration_s=2400,
        distance_m=8000,
        title="Hill run",
        visibility=visibility,
    )
    for name, value in fields.items():
        setattr(run, name, value)
    run.save()
    return run


def notices(person: User) -> list[str]:
    """The texts of the notices `person` is shown now, newest first."""
    shown = (notice_for(row, person) for row in Notification.objects.for_person(person))
    return [notice.text for notice in shown if notice is not None]

"""The worker's side of detection: queued after every committed import
(saathi/activities/after_import.py, registered in apps.py)."""

from __future__ import annotations

from huey.contrib.djhuey import db_task

from saathi.activities.models import Activity
from saathi.together.detection import find_companions


@db_task()
def detect(activity_id: int) -> int | None:
    """Look for the activity's companions; the number of suggestions made."""
    activity = Activity.objects.select_related("owner").filter(pk=activity_id).first()
    if activity is None:  # deleted while it waited
        return None
    return len(find_companions(activity))


def queue_detection(activity_id: int) -> None:
    detect(activity_id)

"""The worker's side of telling partners of milestones (news.py): queued once an import
(after_import.py, registered in apps.py) or a manual entry (activities/manual.py) has
committed."""

from __future__ import annotations

from huey.contrib.djhuey import db_task

from saathi.records.news import tell_partners


@db_task()
def milestone_news(activity_id: int) -> int:
    return tell_partners(activity_id)


def queue_milestone_news(activity_id: int) -> None:
    milestone_news(activity_id)

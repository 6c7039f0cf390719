"""The worker's side of notification emails (mail.py does the work)."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from saathi.notifications.mail import mail_one, send_digests


# Retried when the mail server refuses; mailed_at keeps a retry from mailing twice.
@db_task(retries=3, retry_delay=300)
def mail_notification(pk: int) -> bool:
    return mail_one(pk)


# Every hour on the hour: each person's digest goes when her own clock shows the hour.
@db_periodic_task(crontab(minute="0"))
def digests_this_hour() -> int:
    return send_digests()

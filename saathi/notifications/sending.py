"""Telling a person something: a row for the page and the header, and an email when they
asked for one.

The parts above call `notify` inside their own transaction, so a rolled-back follow
leaves no notification behind; the email is queued for the worker (tasks.py, mail.py)
only once that transaction commits, and never sent inside the request.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from saathi.notifications.models import How, Kind, Notification, Preferences
from saathi.notifications.tasks import mail_notification

if TYPE_CHECKING:
    from saathi.accounts.models import User


def notify(
    *, recipient: User, actor: User | None, kind: Kind, subject: models.Model | None = None
) -> Notification | None:
    """The notification made, or None when `recipient` turned this kind off."""
    preferences = Preferences.of(recipient)
    how = preferences.how(kind)
    if how == How.OFF:
        return None
    notification = Notification.objects.create(
        recipient=recipient,
        actor=actor,
        kind=kind,
        subject_type=ContentType.objects.get_for_model(subject) if subject is not None else None,
        subject_id=subject.pk if subject is not None else None,
    )
    # With the digest chosen, the hourly job (mail.send_digests) mails it instead.
    if how == How.EMAIL and not preferences.daily_digest and recipient.email:
        transaction.on_commit(partial(mail_notification, notification.pk))
    return notification

"""Telling a person something: a row for the page and the header, and an email when they
asked for one.

The parts above call `notify` inside their own transaction, so a rolled-back follow
leaves no notification behind; the email goes only once that transaction commits.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db import models, transaction

from saathi.notifications.models import Kind, Notification
from saathi.notifications.notices import notice_for

if TYPE_CHECKING:
    from saathi.accounts.models import User


def notify(
    *, recipient: User, actor: User | None, kind: Kind, subject: models.Model | None = None
) -> Notification:
    notification = Notification.objects.create(
        recipient=recipient,
        actor=actor,
        kind=kind,
        subject_type=ContentType.objects.get_for_model(subject) if subject is not None else None,
        subject_id=subject.pk if subject is not None else None,
    )
    if recipient.email_notifications and recipient.email:
        transaction.on_commit(partial(_email, notification.pk))
    return notification


def _email(pk: int) -> None:
    """Written after the commit from what the reader may see then; a notification deleted
    in the meantime (a block, a withdrawn request) sends nothing."""
    notification = Notification.objects.select_related("recipient", "actor").filter(pk=pk).first()
    if notification is None:
        return
    notice = notice_for(notification, notification.recipient)
    if notice is None:
        return
    send_mail(
        subject=f"Saathi: {notice.text}",
        message=f"{notice.text}.\n\nSee your notifications in Saathi.\n",
        from_email=None,
        recipient_list=[notification.recipient.email],
        fail_silently=True,
    )

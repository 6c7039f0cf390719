"""Notifications by email: one mail per notification, or one a day listing them (a digest).

Both run in the worker, never in a request (tasks.py queues them), and word each notice
when they send it, from what its reader may see then (notices.notice_for): a notice about
something she may no longer see is left out, and a mail with nothing to say is not sent.
`mailed_at` is set in the transaction that holds the row, so a retried job or the next
digest never mails a notification twice.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from saathi.notifications.models import How, Notification, Preferences
from saathi.notifications.notices import Notice, notice_for, worded_together

# A digest lists at most this many, newest first; the page has them all.
DIGEST_MAX = 50


def _link(path: str) -> str:
    return f"{settings.SAATHI_SITE_URL}{path}"


def _footer() -> str:
    return (
        f"All your notifications: {_link(reverse('notifications:index'))}\n"
        f"Choose what you are told, and how: {_link(reverse('notification_settings'))}\n"
    )


def _line(notice: Notice) -> str:
    return f"{notice.text}\n{_link(notice.url)}\n" if notice.url else f"{notice.text}\n"


def mail_one(pk: int) -> bool:
    """Mail one notification, if she still wants it by email and may see what it is
    about; True when a mail went."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("recipient", "actor")
            .filter(pk=pk, mailed_at__isnull=True)
            .first()
        )
        if notification is None:  # deleted since (a block, a withdrawn ask), or mailed
            return False
        reader = notification.recipient
        preferences = Preferences.of(reader)
        if preferences.how(notification.kind) != How.EMAIL or preferences.daily_digest:
            return False  # she changed her mind while it waited
        notice = notice_for(notification, reader)
        if notice is None or not reader.email or not reader.is_active:
            return False
        send_mail(
            subject=f"Saathi: {notice.text}",
            message=f"{_line(notice)}\n{_footer()}",
            from_email=None,
            recipient_list=[reader.email],
        )
        notification.mailed_at = timezone.now()
        notification.save(update_fields=["mailed_at"])
    return True


def mail_digest(preferences: Preferences, now: datetime) -> bool:
    """One mail listing what she has not read nor been mailed, of the kinds she wants by
    email; True when there was something to say."""
    reader = preferences.person
    with transaction.atomic():
        rows = list(
            Notification.objects.for_person(reader)
            .unread()
            .not_mailed()
            .filter(kind__in=preferences.mailed_kinds())
            .select_for_update(of=("self",))
            .select_related("actor")
            .prefetch_related("subject")[:DIGEST_MAX]
        )
        worded = worded_together([row.subject for row in rows if row.subject_type_id], reader)
        notices = [n for row in rows if (n := notice_for(row, reader, worded)) is not None]
        if not notices:
            return False
        count = len(notices)
        send_mail(
            subject=f"Saathi: {count} new notification{'' if count == 1 else 's'}",
            message="\n".join(_line(notice) for notice in notices) + f"\n{_footer()}",
            from_email=None,
            recipient_list=[reader.email],
        )
        # Only what was told: one out of her sight now may be told once it is back.
        Notification.objects.filter(pk__in=[n.notification.pk for n in notices]).update(
            mailed_at=now
        )
    return True


def send_digests(now: datetime | None = None) -> int:
    """The digests due this hour: of everyone who chose one and whose own clock shows
    SAATHI_DIGEST_HOUR. Returns how many went."""
    now = now or timezone.now()
    chosen = Preferences.objects.filter(daily_digest=True, person__is_active=True).select_related(
        "person"
    )
    due = [
        preferences
        for preferences in chosen.exclude(person__email="")
        if preferences.person.local_now(now).hour == settings.SAATHI_DIGEST_HOUR
    ]
    return sum(mail_digest(preferences, now) for preferences in due)

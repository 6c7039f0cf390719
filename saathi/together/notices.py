"""Telling people they were tagged or may have been out together.

Rows are written here directly, in the caller's transaction, so that a rolled-back tag
tells no one. What a notification says is decided when it is shown, from what its
reader may see then (saathi/notifications/), so only who, what kind and about what are
stored. Kept to one function so that a shared helper (email and all) can replace it.
"""

from __future__ import annotations

from django.db import models

from saathi.accounts.models import User
from saathi.notifications.models import Kind, Notification


def tell(recipient: User, *, actor: User | None, kind: Kind, subject: models.Model) -> None:
    Notification.objects.create(recipient=recipient, actor=actor, kind=kind, subject=subject)

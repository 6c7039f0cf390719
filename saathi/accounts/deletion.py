"""Deleting an account: the person, everything they made, and every file they stored.

Everything of theirs refers to them by a foreign key that cascades, so one delete takes
it all, in one transaction; their stored files (originals, the photo) are removed by the
worker once it commits (saathi/system/files.py), so a failure half-way leaves the
account whole, files included, and a long history does not hold the request.
"""

from __future__ import annotations

from django.db import transaction

from saathi.accounts.models import User


def delete_account(*, user: User) -> tuple[int, dict[str, int]]:
    """Delete `user` and everything of theirs; returns what went, as Model.delete does."""
    with transaction.atomic():
        # Locked first: an import of theirs running now waits on this row (its insert
        # and its judging both lock it) and then finds no one, rather than adding an
        # activity between our reads and the end.
        me = User.objects.select_for_update().get(pk=user.pk)
        total, per_model = me.delete()
    return total, {label: n for label, n in per_model.items() if n}

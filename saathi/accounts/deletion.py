"""Deleting an account: the person, everything they made, and every file they stored.

The rows go in one transaction; the files (originals, the photo) go only once it
commits, so a failure half-way leaves the account whole, files included.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db import transaction

from saathi.accounts.models import User
from saathi.activities.models import Activity, ImportJob
from saathi.progress.models import Goal
from saathi.records.models import Milestone, Record


@dataclass(frozen=True)
class Belongings:
    """What deleting an account takes with it, as the confirmation page counts it."""

    activities: int
    originals: int  # stored activity files: imported, duplicates and failed uploads alike
    records: int  # records held today (one per sport and measure), not their history
    badges: int
    goals: int
    has_photo: bool


def belongings(user: User) -> Belongings:
    return Belongings(
        activities=Activity.objects.owned_by(user).count(),
        originals=ImportJob.objects.filter(owner=user).exclude(original="").count(),
        records=Record.objects.filter(owner=user).values("sport", "measure").distinct().count(),
        badges=Milestone.objects.filter(owner=user).count(),
        goals=Goal.objects.owned_by(user).count(),
        has_photo=bool(user.avatar),
    )


def delete_account(*, user: User) -> tuple[int, dict[str, int]]:
    """Delete `user` and everything of theirs; returns what went, as Model.delete does.

    User.delete() comes here too, so the admin and a shell take the files along.
    """
    deleted: Counter[str] = Counter()
    with transaction.atomic():
        # Locked first: an import of theirs running now waits on this row (its insert
        # and its judging both lock it) and then finds no one, rather than adding an
        # activity between our reads and the end.
        me = User.objects.select_for_update().get(pk=user.pk)
        # Activity.delete hands the records an activity held back to the ones before it
        # (records.forget: a few queries over the sport's activities, per activity).
        # When every activity goes there is nothing to hand them to, so the records and
        # milestones go first, whole, and nothing is judged again.
        deleted.update(Record.objects.filter(owner=me).delete()[1])
        deleted.update(Milestone.objects.filter(owner=me).delete()[1])
        # Each upload through ImportJob.delete, which removes its stored original once
        # the transaction commits: those are the only files an activity has.
        for job in ImportJob.objects.filter(owner=me).order_by().iterator():
            deleted.update(job.delete()[1])
        # Then the activities in one queryset delete (streams cascade), not one by one
        # through Activity.delete, whose other effects are the two above: 8 queries per
        # activity there took 3.2 s for 1,000 activities on PostgreSQL, so a long history
        # would outlast the web server's 30 s timeout (docs/performance.md). Anything
        # Activity.delete learns to remove (photos) must be removed here too.
        deleted.update(Activity.objects.owned_by(me).delete()[1])
        deleted.update(Goal.objects.owned_by(me).delete()[1])
        if me.avatar:
            photo, storage = me.avatar.name, me.avatar.storage
            transaction.on_commit(lambda: storage.delete(photo))
        # A queryset delete: User.delete comes to this function.
        deleted.update(User.objects.filter(pk=me.pk).delete()[1])
    counts = {label: n for label, n in deleted.items() if n}
    return sum(counts.values()), counts

"""`saathi manage rebuild_records [handle ...]`: judge everyone's history again from scratch.

For activities saved before records existed, or after changing how they are judged;
everyday changes are judged as they happen (saathi/records/records.py).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from saathi.accounts.models import User
from saathi.records.records import rebuild


class Command(BaseCommand):
    help = "Judge every record and milestone again from the activities (everyone, or those named)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("handles", nargs="*", help="only these people")

    def handle(self, *args: Any, **options: Any) -> None:
        people = User.objects.order_by("pk")
        if options["handles"]:
            people = people.filter(handle__in=options["handles"])
            missing = set(options["handles"]) - set(people.values_list("handle", flat=True))
            if missing:
                raise CommandError(f"no such person: {', '.join(sorted(missing))}")
        for person in people:
            rebuild(person.pk)
            self.stdout.write(f"@{person.handle}: {person.activities.count()} activities judged")

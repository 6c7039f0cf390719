"""`saathi manage load_demo`: the demo story, one line per chapter.

The chapters are not written yet; the command already runs in `make demo` so that
filling them in changes no set-up. Running it twice must never load anything twice.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

CHAPTERS = (
    "A hill run together",
    "A holiday ride, and a personal best",
    "A women-only event",
    "A morning routine",
    "Reactions",
)


class Command(BaseCommand):
    help = "Load the demo story (not written yet: prints one line per chapter)."

    def handle(self, *args: Any, **options: Any) -> None:
        for number, title in enumerate(CHAPTERS, start=1):
            self.stdout.write(f"Chapter {number}, {title}: not loaded yet (no demo data so far).")

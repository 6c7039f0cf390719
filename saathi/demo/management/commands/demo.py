"""`saathi demo [--reset]` (`saathi manage demo`, what `make demo` runs): see load.py."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from saathi.demo.load import load_demo


class Command(BaseCommand):
    help = "Load the demo story: two users and their year of training (once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reset", action="store_true", help="delete the demo users and load the demo again"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        load_demo(reset=options["reset"], say=self.stdout.write)

"""`saathi import PATH... --user HANDLE` (`saathi manage import`): files, folders and ZIPs
through the upload path (activities/bulk_import.py), a tally, an exit status.

Exit status 0 when nothing failed, 1 when a file failed, 2 for a usage error.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper

from saathi.accounts.handles import normalise_handle
from saathi.accounts.models import User
from saathi.activities.bulk_import import activity_files, import_files


class Command(BaseCommand):
    help = (
        "Import FIT, GPX and TCX files (plain, .gz, or in ZIPs; folders are searched "
        "recursively) as a user's activities."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument("--user", required=True, metavar="HANDLE", help="whose activities")
        parser.add_argument(
            "--jobs",
            type=int,
            default=min(2, os.cpu_count() or 1),
            metavar="N",
            help="files read at once, each in a process of its own (default: %(default)s)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        handle = options["user"]
        owner = User.objects.filter(handle=normalise_handle(handle)).first()
        if owner is None:
            raise CommandError(f"there is no user with the handle {handle!r}.", returncode=2)
        files = list(activity_files(options["paths"]))
        progress = Progress(len(files), self.stderr)
        tally = import_files(owner=owner, files=files, jobs=options["jobs"], on_file=progress.step)
        progress.done()
        self.stdout.write(tally.summary)
        for name, reason in tally.failures:
            self.stdout.write(f"  {name}: {reason}")
        if tally.failures:
            raise CommandError(f"{len(tally.failures)} failed (listed above).", returncode=1)


class Progress:
    """A one-line bar on a terminal; on anything else, silence until the tally."""

    WIDTH = 30

    def __init__(self, total: int, stream: OutputWrapper):
        self.total, self.stream, self.count = total, stream, 0
        self.live = stream.isatty()
        self.started = time.monotonic()

    def step(self, path: Path) -> None:
        self.count += 1
        if not self.live:
            return
        filled = self.WIDTH * self.count // max(self.total, 1)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self._write(f"\r[{bar}] {self.count}/{self.total} {path.name[:40]:<40}")

    def done(self) -> None:
        if self.live:
            seconds = time.monotonic() - self.started
            self._write(f"\r{' ' * (self.WIDTH + 60)}\r{self.total} files in {seconds:.1f} s\n")

    def _write(self, text: str) -> None:
        self.stream.write(text, ending="")
        self.stream.flush()

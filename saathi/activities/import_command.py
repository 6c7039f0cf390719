"""`saathi import PATH... --user HANDLE`: files, folders and ZIPs through the upload path.

Each file is stored and read exactly as an upload is (receive_upload, run_import), but
here, in this process, one after another: no worker needs to be running.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TextIO

from saathi.activities.imports import import_inline
from saathi.activities.models import ImportJob, JobState

# What a folder walk picks up; a file named on the command line is read whatever its name.
SUFFIXES = (".fit", ".gpx", ".tcx", ".fit.gz", ".gpx.gz", ".tcx.gz", ".zip")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="saathi import",
        description="Import FIT, GPX and TCX files (plain, .gz, or in ZIPs; folders are "
        "searched recursively) as a user's activities.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument("--user", required=True, metavar="HANDLE", help="whose activities")
    parser.add_argument(
        "--jobs",
        type=int,
        default=min(2, os.cpu_count() or 1),
        metavar="N",
        help="files read at once, each in a process of its own (default: %(default)s)",
    )
    return parser.parse_args(argv)


def main(argv: list[str], *, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """0 when nothing failed, 1 when a file failed, 2 for a usage error."""
    from saathi.accounts.handles import normalise_handle
    from saathi.accounts.models import User

    args = parse_args(argv)
    owner = User.objects.filter(handle=normalise_handle(args.user)).first()
    if owner is None:
        print(f"saathi import: there is no user with the handle {args.user!r}.", file=err)
        return 2
    files = list(activity_files(args.paths))
    progress = Progress(len(files), err)
    tally: Counter[str] = Counter()
    failures: list[str] = []
    for path, results in _imported(owner.pk, files, args.jobs):
        progress.step(path.name)
        for name, state, error in results:
            tally[state] += 1
            if state == JobState.FAILED:
                failures.append(f"  {name}: {error}")
    progress.done()
    print(
        f"{tally[JobState.DONE]} imported, {tally[JobState.DUPLICATE]} duplicates, "
        f"{tally[JobState.FAILED]} failed",
        file=out,
    )
    for line in failures:
        print(line, file=out)
    return 1 if failures else 0


Result = list[tuple[str, str, str]]  # (file, state, error) per job


def _imported(owner_pk: int, files: list[Path], jobs: int) -> Iterator[tuple[Path, Result]]:
    """Each file with its jobs' outcomes, in order; read by `jobs` processes at once.

    Processes, not threads: reading a file is Python and numpy work that holds the GIL.
    Each forked process opens its own database connection.
    """
    if jobs <= 1 or len(files) <= 1:
        for path in files:
            yield path, _import(owner_pk, path)
        return
    from django.db import connections

    connections.close_all()
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(jobs, mp_context=context) as pool:
        yield from zip(files, pool.map(_import, [owner_pk] * len(files), files), strict=True)


def _import(owner_pk: int, path: Path) -> Result:
    from saathi.accounts.models import User

    owner = User.objects.get(pk=owner_pk)
    if not path.is_file():
        return [(str(path), JobState.FAILED, "no such file or folder")]
    try:
        data = path.read_bytes()
    except OSError as error:
        return [(str(path), JobState.FAILED, f"cannot be read ({error.strerror})")]
    jobs: list[ImportJob] = import_inline(owner=owner, name=path.name, data=data)
    label = str(path) if len(jobs) == 1 else None
    return [(label or f"{path.parent}/{job.original_name}", job.state, job.error) for job in jobs]


def activity_files(paths: list[Path]) -> Iterator[Path]:
    """Named files as they are; folders searched for activity files, in name order."""
    for path in paths:
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.is_file())
            yield from sorted(p for p in found if p.name.lower().endswith(SUFFIXES))
        else:
            yield path


class Progress:
    """A one-line bar on a terminal; on anything else, silence until the tally."""

    WIDTH = 30

    def __init__(self, total: int, stream: TextIO):
        self.total, self.stream, self.count = total, stream, 0
        self.live = stream.isatty()
        self.started = time.monotonic()

    def step(self, name: str) -> None:
        self.count += 1
        if not self.live:
            return
        filled = self.WIDTH * self.count // max(self.total, 1)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        line = f"\r[{bar}] {self.count}/{self.total} {name[:40]:<40}"
        self.stream.write(line)
        self.stream.flush()

    def done(self) -> None:
        if self.live:
            seconds = time.monotonic() - self.started
            self.stream.write(
                f"\r{' ' * (self.WIDTH + 60)}\r{self.total} files in {seconds:.1f} s\n"
            )
            self.stream.flush()

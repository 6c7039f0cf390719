"""Files, folders and ZIPs from disk through the upload path: what `saathi import` does.

Each file is stored and read exactly as an upload is (`import_inline`: the original
first, then the same reading and judging), but here, in this process and its forks, one
file after another: no worker needs to be running.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connections

from saathi.accounts.models import User
from saathi.activities.imports import import_inline
from saathi.activities.models import ImportJob, JobState

# What a folder walk picks up; a file named on the command line is read whatever its name.
SUFFIXES = (".fit", ".gpx", ".tcx", ".fit.gz", ".gpx.gz", ".tcx.gz", ".zip")

Result = list[tuple[str, str, str]]  # (file, state, error) per job


@dataclass
class Tally:
    states: Counter[str] = field(default_factory=Counter)  # jobs per JobState
    failures: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)

    @property
    def summary(self) -> str:
        return (
            f"{self.states[JobState.DONE]} imported, {self.states[JobState.DUPLICATE]} "
            f"duplicates, {self.states[JobState.FAILED]} failed"
        )


def activity_files(paths: list[Path]) -> Iterator[Path]:
    """Named files as they are; folders searched for activity files, in name order."""
    for path in paths:
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.is_file())
            yield from sorted(p for p in found if p.name.lower().endswith(SUFFIXES))
        else:
            yield path


def import_files(
    *,
    owner: User,
    files: list[Path],
    jobs: int,
    on_file: Callable[[Path], None] = lambda path: None,
) -> Tally:
    """Import `files` as `owner`'s activities, `jobs` at once; `on_file` hears of each."""
    tally = Tally()
    for path, results in _imported(owner.pk, files, jobs):
        on_file(path)
        for name, state, error in results:
            tally.states[state] += 1
            if state == JobState.FAILED:
                tally.failures.append((name, error))
    return tally


def _imported(owner_pk: int, files: list[Path], jobs: int) -> Iterator[tuple[Path, Result]]:
    """Each file with its jobs' outcomes, in order; read by `jobs` processes at once.

    Processes, not threads: reading a file is Python and numpy work that holds the GIL.
    Each forked process opens its own database connection.
    """
    if jobs <= 1 or len(files) <= 1:
        for path in files:
            yield path, _import(owner_pk, path)
        return
    connections.close_all()
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(jobs, mp_context=context) as pool:
        yield from zip(files, pool.map(_import, [owner_pk] * len(files), files), strict=True)


def _import(owner_pk: int, path: Path) -> Result:
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

"""The demo as the demo tests load it: a small one on a fixed day, and once per module.

Loading even the small demo takes most of a second (files written, then imported), so a
test module loads it once and its tests share it: the load runs inside one transaction,
each test in a savepoint of its own within it (pytest-django's `db` does that inside an
open transaction as it would outside one), and the whole is rolled back after the
module's last test. What a test changes is undone before the next one, alike on SQLite
and PostgreSQL. Stored files are not undone: a test that removes them (a reset) gets a
module of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TypeVar

from django.db import transaction
from django.test import override_settings
from pytest_django import DjangoDbBlocker

from saathi.demo.load import Loaded, load_demo

# A fixed load date: the same files, byte for byte, on any day the tests run.
TODAY = date(2026, 11, 25)
DAYS = 14

T = TypeVar("T")


def load_small_demo(lines: list[str] | None = None, *, reset: bool = False) -> Loaded:
    say = lines.append if lines is not None else (lambda line: None)
    return load_demo(today=TODAY, days=DAYS, reset=reset, say=say)


@contextmanager
def shared_by_the_module(
    blocker: DjangoDbBlocker, media: Path, load: Callable[[], T]
) -> Iterator[T]:
    """`load()` inside a transaction that the module's tests share and that is rolled
    back after them; the originals it stores go to `media`.

    Outside the tests the database stays blocked, as pytest-django keeps it.
    """
    with override_settings(MEDIA_ROOT=media), blocker.unblock(), transaction.atomic():
        loaded = load()
        with blocker.block():
            yield loaded
        transaction.set_rollback(True)

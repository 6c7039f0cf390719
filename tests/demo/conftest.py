"""A small demo (two weeks and the story's big days) loaded once per test that needs it."""

from __future__ import annotations

from datetime import date

import pytest

from saathi.demo.load import Loaded, load_demo

# A fixed load date: the same files, byte for byte, on any day the tests run.
TODAY = date(2026, 11, 25)
DAYS = 14


def load_small_demo(lines: list[str] | None = None, *, reset: bool = False) -> Loaded:
    say = lines.append if lines is not None else (lambda line: None)
    return load_demo(today=TODAY, days=DAYS, reset=reset, say=say)


@pytest.fixture
def small_demo(db: None) -> list[str]:
    """What the load printed, line by line."""
    lines: list[str] = []
    load_small_demo(lines)
    return lines

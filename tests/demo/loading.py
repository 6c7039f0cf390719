"""The small demo the demo tests load: two weeks and the story's big days, on a fixed day."""

from __future__ import annotations

from datetime import date

from saathi.demo.load import Loaded, load_demo

# A fixed load date: the same files, byte for byte, on any day the tests run.
TODAY = date(2026, 11, 25)
DAYS = 14


def load_small_demo(lines: list[str] | None = None, *, reset: bool = False) -> Loaded:
    say = lines.append if lines is not None else (lambda line: None)
    return load_demo(today=TODAY, days=DAYS, reset=reset, say=say)

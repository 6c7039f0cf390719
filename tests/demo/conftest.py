"""A small demo (two weeks and the story's big days) loaded once per test that needs it."""

from __future__ import annotations

import pytest

from tests.demo.loading import load_small_demo


@pytest.fixture
def small_demo(db: None) -> list[str]:
    """What the load printed, line by line."""
    lines: list[str] = []
    load_small_demo(lines)
    return lines

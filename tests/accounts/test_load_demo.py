"""`load_demo` runs in `make demo` already; until the story is written it says so per chapter."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from saathi.accounts.models import User

pytestmark = pytest.mark.django_db


def run() -> list[str]:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue().splitlines()


def test_it_prints_one_line_per_chapter_of_the_story() -> None:
    lines = run()
    assert len(lines) == 5
    assert lines[0].startswith("Chapter 1, A hill run together")
    assert all("not loaded yet" in line for line in lines)


def test_running_it_twice_changes_nothing() -> None:
    first = run()
    second = run()
    assert first == second
    assert User.objects.count() == 0

"""`make demo` and `saathi demo` (both `saathi manage demo`) are thin: one loader behind both."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from saathi.cli import main
from saathi.demo.chapters import COUPLE


def test_make_demo_prints_the_logins_when_the_demo_is_already_loaded(
    small_demo: list[str],
) -> None:
    out = StringIO()
    call_command("demo", stdout=out)
    printed = out.getvalue()
    assert "already loaded" in printed
    for person in COUPLE:
        assert f"{person.handle} (or {person.email})" in printed
        assert f"password: {person.password}" in printed


@pytest.mark.parametrize("reset", [False, True])
def test_both_commands_call_the_same_loader(monkeypatch: pytest.MonkeyPatch, reset: bool) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(
        "saathi.demo.management.commands.demo.load_demo",
        lambda **options: calls.append(options),
    )
    flags = ["--reset"] if reset else []

    assert main(["demo", *flags]) == 0
    call_command("demo", *flags, stdout=StringIO())

    assert [call["reset"] for call in calls] == [reset, reset]

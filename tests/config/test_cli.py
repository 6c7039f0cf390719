"""The `saathi` command dispatches, and `saathi inspect` works without Django."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from saathi.cli import main
from tests.paths import REPO_ROOT


def test_an_unknown_command_prints_the_usage_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("saathi: unknown command 'frobnicate'")
    assert "serve" in err and "manage ARGS..." in err and "inspect FILE..." in err


def test_no_command_prints_the_usage_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert capsys.readouterr().out.startswith("usage: saathi COMMAND")


def test_serve_refuses_arguments_it_does_not_take(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--port", "9000"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("saathi serve: unknown argument '--port'")
    assert "usage: saathi serve [--no-migrate]" in err


def test_inspect_reads_a_file_without_importing_django(testdata: Path) -> None:
    gpx = testdata / "gpx" / "Friday-Evening-Run.gpx"
    script = (
        "import sys; from saathi.cli import main; code = main(['inspect', sys.argv[1]]); "
        "print('django loaded' if 'django' in sys.modules else 'no django'); sys.exit(code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(gpx)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    # What it prints is the inspect module's business; here, that it ran on this file.
    assert done.stdout.startswith(f"{gpx}\n")
    assert "GPX" in done.stdout
    assert done.stdout.rstrip().endswith("no django")


def test_import_and_demo_are_short_for_their_management_commands(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ran: list[list[str]] = []
    monkeypatch.setattr("django.core.management.execute_from_command_line", ran.append)

    assert main(["import", "ride.fit", "--user", "asha"]) == 0
    assert main(["demo", "--reset"]) == 0
    assert main(["manage", "demo", "--reset"]) == 0

    assert ran == [
        ["saathi", "import", "ride.fit", "--user", "asha"],
        ["saathi", "demo", "--reset"],
        ["saathi manage", "demo", "--reset"],
    ]

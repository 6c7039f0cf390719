"""Ctrl-C while `saathi serve` is still starting its children stops it cleanly: a child
that had not yet set up its own handler (Huey's worker loading Django) ends of the very
signal sent to stop it, with nothing in flight, and that is not a failure. A child that
fails on its own still makes `serve` fail."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

from saathi.config.serve import Child, Supervisor

# Ready to be stopped once it prints: a program that sets up no handler of its own.
STARTING = "import sys, time; print('up', flush=True); time.sleep(30)"
# One that answers the stop signal by failing.
FAILING = (
    "import signal, sys, time; signal.signal(signal.SIGINT, lambda *a: sys.exit(3)); "
    "print('up', flush=True); time.sleep(30)"
)


def _stopped(code: str) -> Supervisor:
    child = Child("worker", [sys.executable, "-c", code], signal.SIGINT)
    child.process = subprocess.Popen(child.argv, stdout=subprocess.PIPE)
    assert child.process.stdout is not None and child.process.stdout.readline() == b"up\n"
    supervisor = Supervisor([child])
    started = time.monotonic()
    supervisor.stop_all()
    assert time.monotonic() - started < 10
    return supervisor


def test_a_child_stopped_before_its_handler_is_a_clean_stop() -> None:
    supervisor = _stopped(STARTING)
    assert supervisor.children[0].process is not None
    assert supervisor.children[0].process.returncode == -signal.SIGINT
    assert supervisor.exit_code() == 0


def test_a_child_that_fails_when_stopped_still_fails_serve() -> None:
    assert _stopped(FAILING).exit_code() == 3

"""Saathi run as an operator runs it: in processes of its own, settings read from the
environment. For the config tests and the demo's full load."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from huey import Huey
from huey.exceptions import ResultTimeout

from tests.paths import REPO_ROOT

SETTINGS_FILE = REPO_ROOT / "saathi" / "config" / "settings.py"


def fresh_install_env(data_dir: Path) -> dict[str, str]:
    """The environment of a fresh install: a new data dir, embedded defaults, no debug.

    Every SAATHI_* variable of the test run is dropped, so that a child process never
    reaches this machine's PostgreSQL, Redis or S3 unless a test says so.
    """
    env = {key: value for key, value in os.environ.items() if not key.startswith("SAATHI_")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(
        SAATHI_DATA_DIR=str(data_dir),
        SAATHI_HUEY_IMMEDIATE="0",
        SAATHI_HUEY_WORKERS="1",
        SAATHI_WEB_WORKERS="1",
        PYTHONUNBUFFERED="1",
    )
    return env


def saathi_command(*args: str) -> list[str]:
    # `python -m saathi.cli` is the `saathi` script without needing it installed.
    return [sys.executable, "-m", "saathi.cli", *args]


def run_saathi(env: dict[str, str], *args: str, timeout: float = 120) -> str:
    done = subprocess.run(
        saathi_command(*args),
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, f"saathi {' '.join(args)} failed:\n{done.stdout}{done.stderr}"
    return done.stdout


def start_saathi(env: dict[str, str], *args: str, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as handle:
        return subprocess.Popen(
            saathi_command(*args), cwd=REPO_ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT
        )


def stop(process: subprocess.Popen[bytes], sig: int = signal.SIGINT) -> int:
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return process.returncode


def heartbeat_through_a_consumer(
    env: dict[str, str], queue: Callable[[], Huey], log: Path
) -> dict[str, Any]:
    """Start `saathi manage run_huey`, enqueue the heartbeat on `queue()`, return its result.

    `queue()` is a Huey of the test's own on the consumer's storage (made once the data
    dir exists); the consumer finds the job by its name, `saathi.system.tasks.heartbeat`,
    exactly as it finds one a page enqueued.
    """
    from saathi.system.tasks import heartbeat

    run_saathi(env, "manage", "migrate", "--no-input")
    consumer = start_saathi(env, "manage", "run_huey", log=log)
    try:
        result = queue().task()(heartbeat.func)()
        value = result.get(blocking=True, timeout=30)
    except ResultTimeout:
        stop(consumer)
        pytest.fail(f"the consumer did not run the job in 30 s:\n{log.read_text()}")
    finally:
        code = stop(consumer)
    assert code == 0, f"the consumer did not stop cleanly ({code}):\n{log.read_text()}"
    assert isinstance(value, dict)
    value["consumer_pid"] = consumer.pid
    return value

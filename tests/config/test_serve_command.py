"""`saathi serve` runs the web server and the worker together, and stops them together."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from huey import SqliteHuey

from saathi.system.tasks import heartbeat
from tests.processes import fresh_install_env, run_saathi, start_saathi, stop
from tests.services import free_port, port_answers, wait_until

pytestmark = pytest.mark.processes


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A data dir prepared by a release step: migrated, static files collected.

    `serve --no-migrate` then starts at once; `test_serve_brings_the_data_dir_up_to_date`
    is about the start without it.
    """
    env = fresh_install_env(tmp_path_factory.mktemp("serve") / "data")
    env["SAATHI_WEB_WORKERS"] = "2"
    run_saathi(env, "manage", "migrate", "--no-input")
    run_saathi(env, "manage", "collectstatic", "--no-input", "--verbosity", "0")
    yield env


@pytest.fixture
def served(
    installed: dict[str, str], tmp_path: Path
) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    port = free_port()
    env = {**installed, "SAATHI_PORT": str(port)}
    log = tmp_path / "serve.log"
    process = start_saathi(env, "serve", "--no-migrate", log=log)
    try:
        # Answering a page, not only accepting connections: gunicorn's workers load Django
        # on their first request, which takes a while on a busy machine.
        wait_until(
            lambda: process.poll() is not None or page_answers(f"http://127.0.0.1:{port}/"),
            timeout=90,
            what=f"saathi serve on port {port}",
        )
        assert process.poll() is None, f"serve exited early:\n{log.read_text()}"
        yield process, port
    finally:
        stop(process, signal.SIGKILL)


def page_answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5):
            return True
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False


def descendants(pid: int) -> set[int]:
    """Every process below `pid` (gunicorn's master and workers, the consumer)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        children = (task / "children").read_text().split()
        for child in map(int, children):
            found |= {child} | descendants(child)
    return found


def is_running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


def test_serve_answers_runs_jobs_and_stops_both_on_ctrl_c(
    installed: dict[str, str], served: tuple[subprocess.Popen[bytes], int]
) -> None:
    process, port = served
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/signup/", timeout=30) as page:
        html = page.read().decode()
    assert "<h1>Create your account</h1>" in html
    # Static files come from gunicorn too, under their hashed names.
    stylesheet = re.search(r'href="(/static/saathi/site\.[0-9a-f]{12}\.css)"', html)
    assert stylesheet, html
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{stylesheet[1]}", timeout=30) as css:
        assert css.headers["Content-Type"].startswith("text/css")

    queue = SqliteHuey("saathi", filename=str(Path(installed["SAATHI_DATA_DIR"]) / "huey.sqlite3"))
    ran_in = queue.task()(heartbeat.func)().get(blocking=True, timeout=30)["pid"]
    children = descendants(process.pid)
    assert ran_in in children
    assert len(children) == 1 + 1 + 2  # gunicorn's master and two workers, the consumer

    process.send_signal(signal.SIGINT)

    assert process.wait(timeout=40) == 0
    assert not [pid for pid in children if is_running(pid)]
    assert not port_answers(port)


def test_serve_stops_the_web_server_and_fails_when_the_worker_dies(
    served: tuple[subprocess.Popen[bytes], int],
) -> None:
    process, port = served
    children = descendants(process.pid)
    worker = next(
        pid for pid in children if b"run_huey" in Path(f"/proc/{pid}/cmdline").read_bytes()
    )

    os.kill(worker, signal.SIGKILL)

    assert process.wait(timeout=40) != 0
    assert not [pid for pid in children if is_running(pid)]
    deadline = time.monotonic() + 5
    while port_answers(port) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not port_answers(port)

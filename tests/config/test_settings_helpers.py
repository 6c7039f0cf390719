"""Settings come from SAATHI_* variables; a bad value stops the start with its name in it."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured

from saathi.config.settings import env_bool, env_choice, env_int, env_list, env_url
from tests.paths import REPO_ROOT
from tests.processes import saathi_command


@pytest.mark.parametrize(
    ("raw", "expected"), [("1", True), (" Yes ", True), ("on", True), ("0", False), ("", False)]
)
def test_it_reads_the_usual_spellings_of_yes_and_no(
    monkeypatch: pytest.MonkeyPatch, raw: str, expected: bool
) -> None:
    monkeypatch.setenv("SAATHI_X", raw)
    assert env_bool("SAATHI_X", not expected) is expected


def test_it_rejects_a_yes_no_value_it_cannot_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAATHI_DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match=r"SAATHI_DEBUG='maybe' is not a yes/no value"):
        env_bool("SAATHI_DEBUG", False)


def test_it_reads_a_number_and_keeps_the_default_when_unset(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SAATHI_PORT", " 8080 ")
    monkeypatch.delenv("SAATHI_WEB_WORKERS", raising=False)
    assert env_int("SAATHI_PORT", 8000) == 8080
    assert env_int("SAATHI_WEB_WORKERS", 2) == 2


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("eighty", "SAATHI_PORT='eighty' is not a whole number."),
        ("0", "SAATHI_PORT=0 is below the minimum of 1."),
        ("70000", "SAATHI_PORT=70000 is above the maximum of 65535."),
    ],
)
def test_it_rejects_a_port_that_is_not_a_port(
    monkeypatch: pytest.MonkeyPatch, raw: str, message: str
) -> None:
    monkeypatch.setenv("SAATHI_PORT", raw)
    with pytest.raises(ImproperlyConfigured) as error:
        env_int("SAATHI_PORT", 8000, minimum=1, maximum=65535)
    assert str(error.value) == message


def test_it_splits_a_list_on_commas_and_drops_blanks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAATHI_ALLOWED_HOSTS", "saathi.example, 10.0.0.5,,")
    assert env_list("SAATHI_ALLOWED_HOSTS", []) == ["saathi.example", "10.0.0.5"]


def test_it_rejects_a_url_of_the_wrong_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAATHI_REDIS_URL", "http://127.0.0.1:6379")
    with pytest.raises(
        ImproperlyConfigured, match=r"not a URL starting with redis:// or rediss://"
    ):
        env_url("SAATHI_REDIS_URL", schemes=("redis", "rediss"))


def test_it_rejects_a_choice_outside_the_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAATHI_LOG_LEVEL", "loud")
    with pytest.raises(ImproperlyConfigured, match=r"must be one of: debug, info"):
        env_choice("SAATHI_LOG_LEVEL", "info", ("debug", "info", "warning", "error"))


def test_settings_refuse_a_secret_key_too_short_to_be_secret(
    load_settings: Callable[..., dict[str, Any]],
) -> None:
    with pytest.raises(ImproperlyConfigured, match="SAATHI_SECRET_KEY is shorter than 32"):
        load_settings(SAATHI_SECRET_KEY="hunter2")


def test_settings_keep_the_generated_secret_key_across_restarts(
    load_settings: Callable[..., dict[str, Any]],
) -> None:
    first = load_settings()["SECRET_KEY"]
    again = load_settings()["SECRET_KEY"]
    assert again == first
    assert len(first) >= 50


def test_the_saathi_command_names_the_bad_variable_instead_of_a_traceback(
    saathi_env: dict[str, str],
) -> None:
    saathi_env["SAATHI_WEB_WORKERS"] = "lots"
    done = subprocess.run(
        saathi_command("manage", "check"),
        cwd=REPO_ROOT,
        env=saathi_env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr == "saathi manage: SAATHI_WEB_WORKERS='lots' is not a whole number.\n"

"""Secure cookies, HSTS and Argon2: what settings.py gives a public server."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from tests.processes import run_saathi

LoadSettings = Callable[..., dict[str, Any]]


def test_by_default_cookies_are_secure_and_hsts_is_sent(load_settings: LoadSettings) -> None:
    loaded = load_settings()
    assert loaded["DEBUG"] is False
    assert loaded["SESSION_COOKIE_SECURE"] is True
    assert loaded["CSRF_COOKIE_SECURE"] is True
    assert loaded["SESSION_COOKIE_HTTPONLY"] is True
    assert loaded["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert loaded["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")
    assert loaded["X_FRAME_OPTIONS"] == "DENY"


def test_plain_http_can_be_chosen_and_then_nothing_claims_https(
    load_settings: LoadSettings,
) -> None:
    loaded = load_settings(SAATHI_HTTPS="0")
    assert loaded["SESSION_COOKIE_SECURE"] is False
    assert loaded["CSRF_COOKIE_SECURE"] is False
    assert "SECURE_HSTS_SECONDS" not in loaded


def test_debug_mode_defaults_to_plain_http(load_settings: LoadSettings) -> None:
    loaded = load_settings(SAATHI_DEBUG="1")
    assert loaded["SESSION_COOKIE_SECURE"] is False


def test_passwords_are_hashed_with_argon2(load_settings: LoadSettings) -> None:
    hashers = load_settings()["PASSWORD_HASHERS"]
    assert hashers[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


@pytest.mark.django_db
def test_a_response_over_https_carries_hsts_and_a_secure_session_cookie(
    settings: Any, client: Client
) -> None:
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = client.get("/accounts/login/", HTTP_X_FORWARDED_PROTO="https")
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response.cookies["csrftoken"]["secure"] is True
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_djangos_deployment_check_finds_nothing_to_fix(saathi_env: dict[str, str]) -> None:
    run_saathi(saathi_env, "manage", "check", "--deploy", "--fail-level", "WARNING")

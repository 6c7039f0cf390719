"""The cache holds login-attempt counts, so it must be one that every worker process shares."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

LoadSettings = Callable[..., dict[str, Any]]


def test_without_redis_the_cache_is_files_in_the_data_dir(
    load_settings: LoadSettings, tmp_path: Path
) -> None:
    cache = load_settings()["CACHES"]["default"]
    assert cache["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert cache["LOCATION"] == str(tmp_path / "data" / "cache")


def test_with_redis_the_cache_is_redis_prefixed_with_the_site_name(
    load_settings: LoadSettings,
) -> None:
    loaded = load_settings(SAATHI_REDIS_URL="redis://10.0.0.5:6379/2", SAATHI_HUEY_NAME="club")
    cache = loaded["CACHES"]["default"]
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == "redis://10.0.0.5:6379/2"
    assert cache["KEY_PREFIX"] == "club"

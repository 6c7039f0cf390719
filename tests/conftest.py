"""What every test may use: the real test files, the people (tests/people.py), an output
folder, services, a database.

The suite runs on SQLite by default and on PostgreSQL when SAATHI_TEST_DATABASE_URL is
set (pytest-django creates and drops a `test_` database beside the one named).
"""

from __future__ import annotations

import contextlib
import os
import runpy
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from pytest_django.fixtures import Settings

from saathi.accounts.models import User
from tests import people
from tests.paths import OUTPUT_DIR, REPO_ROOT, TESTDATA
from tests.services import S3Media, S3Server, s3_client, seaweedfs_s3


def _use_the_test_database_url() -> None:
    """Point the default database at SAATHI_TEST_DATABASE_URL before any test opens it.

    pytest-django imported the settings, and set Django up, before this file: the
    connection handler may already hold the SQLite settings and connection object.
    """
    url = os.environ.get("SAATHI_TEST_DATABASE_URL", "").strip()
    if not url:
        return
    import dj_database_url
    from django.conf import settings
    from django.db import connections

    settings.DATABASES["default"] = dj_database_url.parse(url)
    connections.__dict__.pop("settings", None)  # a cached_property: read DATABASES again
    with contextlib.suppress(AttributeError):  # no connection object made yet
        del connections["default"]


_use_the_test_database_url()


@pytest.fixture(autouse=True, scope="session")
def _jobs_run_inline() -> Iterator[None]:
    """A job a page enqueues runs at once, inside the test that caused it.

    Tests of the worker itself swap this back off and start a real consumer.
    """
    from huey.contrib.djhuey import HUEY

    before = HUEY.immediate
    HUEY.immediate = True
    yield
    HUEY.immediate = before


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings: Settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _pages_render_without_collectstatic(settings: Settings, tmp_path: Path) -> None:
    # The manifest storage needs `collectstatic` first; tests (and the live server, which
    # serves static files from the finders) need the files' plain names only. An empty
    # STATIC_ROOT that exists keeps WhiteNoise from warning on every request.
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _a_cache_of_its_own(settings: Settings, request: pytest.FixtureRequest) -> None:
    # Login-failure counts live in the cache; each test starts with none, and none is
    # left in the data dir's file cache from an earlier run.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": request.node.nodeid,
        }
    }


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings: Settings) -> None:
    settings.PASSWORD_HASHERS = people.QUICK_HASHERS


@pytest.fixture
def owner(db: None) -> User:
    return people.owner()


@pytest.fixture
def partner(owner: User) -> User:
    return people.partner(of=owner)


@pytest.fixture
def follower(owner: User) -> User:
    return people.follower(of=owner)


@pytest.fixture
def awaiting(owner: User) -> User:
    return people.awaiting(of=owner)


@pytest.fixture
def blocked(owner: User) -> User:
    return people.blocked(by=owner)


@pytest.fixture
def stranger(db: None) -> User:
    return people.stranger()


@pytest.fixture
def anonymous() -> AnonymousUser:
    return people.anonymous()


@pytest.fixture
def make_user(db: None) -> Callable[..., User]:
    """Someone else, `make_user("meera", email=...)`, made as the people are."""
    return people.person


@pytest.fixture
def owner_client(client: Client, owner: User) -> Client:
    """pytest-django's `client`, signed in as the owner."""
    client.force_login(owner)
    return client


@pytest.fixture
def stranger_client(stranger: User) -> Client:
    return people.browser_of(stranger)


@pytest.fixture(scope="session")
def testdata() -> Path:
    return TESTDATA


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT_DIR.mkdir(exist_ok=True)
    return OUTPUT_DIR


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    """One SeaweedFS S3 server for the whole run, started on first use, stopped at the end."""
    with seaweedfs_s3(tmp_path_factory.mktemp("seaweedfs")) as server:
        yield server


@pytest.fixture
def s3_media(
    s3_server: S3Server, settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> S3Media:
    """Media on a fresh bucket of the real SeaweedFS, through the STORAGES that settings.py
    builds from SAATHI_S3_* (evaluated afresh, as a deployment would)."""
    bucket = f"saathi-{secrets.token_hex(4)}"
    client = s3_client(s3_server)
    client.create_bucket(Bucket=bucket)
    for key in [k for k in os.environ if k.startswith("SAATHI_")]:
        monkeypatch.delenv(key)
    for key, value in {
        "SAATHI_DATA_DIR": str(tmp_path / "data"),
        "SAATHI_S3_BUCKET": bucket,
        "SAATHI_S3_ENDPOINT_URL": s3_server.endpoint_url,
        "SAATHI_S3_ACCESS_KEY_ID": s3_server.access_key,
        "SAATHI_S3_SECRET_ACCESS_KEY": s3_server.secret_key,
        "SAATHI_S3_REGION": s3_server.region,
    }.items():
        monkeypatch.setenv(key, value)
    settings.STORAGES = runpy.run_path(str(REPO_ROOT / "saathi/config/settings.py"))["STORAGES"]
    return S3Media(bucket=bucket, client=client)

"""The suite runs on PostgreSQL when SAATHI_TEST_DATABASE_URL names one (CI's second pass)."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from django.db import connection

from tests.services import postgres_url


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_suite_runs_on_postgresql_when_a_test_database_url_is_set() -> None:
    url = postgres_url()

    with connection.cursor() as cursor:
        cursor.execute("SELECT version(), current_database()")
        version, database = cursor.fetchone()

    assert connection.vendor == "postgresql"
    assert version.startswith("PostgreSQL ")
    # pytest-django's own database beside the one named, never the named one itself.
    assert database == "test_" + urlparse(url).path.lstrip("/")

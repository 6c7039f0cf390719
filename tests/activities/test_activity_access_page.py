"""Who may open what: every activity page and endpoint, for each kind of visitor.

The owner may do everything; anyone else signed in gets 404 for what they may not see
(not 403: a stranger must not learn that activity 17 exists); an anonymous visitor is
sent to log in. Every viewer and level together: tests/permissions/.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from django.test import Client

from saathi.accounts.models import User
from saathi.activities.changes import edit_activity
from saathi.activities.manual import create_manual_activity
from saathi.activities.models import Activity, ImportJob, Visibility
from tests.activities.pages import RUN, imported
from tests.people import browser_of

pytestmark = pytest.mark.django_db

# (method, path) with {pk} for the activity; each answers the owner with these codes.
ACTIVITY_ENDPOINTS = [
    ("get", "/activities/{pk}/", 200),
    ("get", "/activities/{pk}/original/", 200),
    ("get", "/activities/{pk}/gpx/", 200),
    ("get", "/activities/{pk}/edit/", 200),
    ("post", "/activities/{pk}/edit/", 200),  # an empty form: shown again with its errors
    ("get", "/activities/{pk}/delete/", 200),
]
OWN_PAGES = [
    "/",
    "/activities/",
    "/activities/calendar/",
    "/activities/upload/",
    "/activities/new/",
]


def _request(client: Client, method: str, path: str) -> int:
    return getattr(client, method)(path).status_code


@pytest.fixture
def her_run(owner: User) -> Activity:
    return imported(owner, RUN)


@pytest.mark.parametrize(("method", "path", "status"), ACTIVITY_ENDPOINTS)
def test_the_owner_reaches_every_page_of_her_activity(
    owner: User, her_run: Activity, method: str, path: str, status: int
) -> None:
    assert _request(browser_of(owner), method, path.format(pk=her_run.pk)) == status


@pytest.mark.parametrize(("method", "path", "status"), ACTIVITY_ENDPOINTS)
def test_a_stranger_gets_404_for_a_private_activity(
    stranger: User, her_run: Activity, method: str, path: str, status: int
) -> None:
    assert _request(browser_of(stranger), method, path.format(pk=her_run.pk)) == 404


@pytest.mark.parametrize(("method", "path", "status"), ACTIVITY_ENDPOINTS)
def test_an_anonymous_visitor_is_sent_to_log_in(
    her_run: Activity, method: str, path: str, status: int
) -> None:
    response = getattr(browser_of(None), method)(path.format(pk=her_run.pk))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_a_stranger_sees_a_public_activity_but_cannot_change_it(
    stranger: User, her_run: Activity
) -> None:
    edit_activity(her_run, visibility=Visibility.PUBLIC)
    client = browser_of(stranger)
    html = client.get(f"/activities/{her_run.pk}/").content.decode()
    assert her_run.title in html
    assert f"/activities/{her_run.pk}/edit/" not in html
    assert client.get(f"/activities/{her_run.pk}/edit/").status_code == 404
    assert client.post(f"/activities/{her_run.pk}/delete/").status_code == 404
    assert Activity.objects.filter(pk=her_run.pk).exists()


def test_a_stranger_cannot_delete_a_private_activity_by_posting(
    stranger: User, her_run: Activity
) -> None:
    assert browser_of(stranger).post(f"/activities/{her_run.pk}/delete/").status_code == 404
    assert Activity.objects.filter(pk=her_run.pk).exists()


def test_a_stranger_cannot_retry_someone_elses_import(stranger: User, owner: User) -> None:
    imported(owner, RUN)
    job = ImportJob.objects.get(owner=owner)
    assert browser_of(stranger).post(f"/activities/upload/jobs/{job.pk}/retry/").status_code == 404


@pytest.mark.parametrize("path", OWN_PAGES)
def test_lists_show_only_the_viewers_own_activities(
    stranger: User, her_run: Activity, path: str
) -> None:
    edit_activity(her_run, visibility=Visibility.PUBLIC)  # public, yet still not in his own lists
    html = browser_of(stranger).get(path).content.decode()
    assert her_run.title not in html


@pytest.mark.parametrize("path", [*OWN_PAGES, "/activities/upload/jobs/"])
def test_own_pages_send_an_anonymous_visitor_to_log_in(db: None, path: str) -> None:
    response = browser_of(None).get(path)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_stranger_sees_no_one_elses_upload_jobs(stranger: User, owner: User) -> None:
    imported(owner, RUN)
    html = browser_of(stranger).get("/activities/upload/jobs/").content.decode()
    assert "Friday-Evening-Run.gpx" not in html and "Nothing uploaded yet." in html


def test_a_manual_entry_has_no_original_for_anyone(owner: User) -> None:
    entry: Callable[..., Activity] = create_manual_activity
    yoga = entry(owner=owner, sport="yoga", start=datetime(2026, 5, 1, 6), duration_s=1800)
    client = browser_of(owner)
    assert client.get(f"/activities/{yoga.pk}/original/").status_code == 404
    assert client.get(f"/activities/{yoga.pk}/gpx/").status_code == 404

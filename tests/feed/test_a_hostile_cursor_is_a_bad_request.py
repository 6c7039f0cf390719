"""A cursor is the token the page gave; anything else (edited, truncated, made up) is a
400, never a 500, and never a way into someone else's entries."""

from __future__ import annotations

import base64

import pytest

from saathi.accounts.models import User
from saathi.feed.cursor import Cursor
from tests.feed.entries import MORNING, run
from tests.people import browser_of

pytestmark = pytest.mark.django_db


def _token(said: str) -> str:
    return base64.urlsafe_b64encode(said.encode()).decode().rstrip("=")


HOSTILE = [
    "nonsense",
    "%%%",
    "' OR 1=1 --",
    _token("2026-11-28T01:00:00|activity"),
    _token("2026-11-28T01:00:00|activity|12"),  # no time zone
    _token("2026-11-28T01:00:00+00:00|activity|-3"),
    _token("2026-11-28T01:00:00+00:00|activity|99999999999999999999999"),
    _token("2026-11-28T01:00:00+00:00|activity;drop|1"),
    _token("yesterday+00:00|activity|1"),
    _token("9999-99-99T00:00:00+00:00|activity|1"),
    _token("0001-01-01T00:00:00+05:00|activity|1"),  # before the first day in UTC
    _token("9999-12-31T23:00:00-05:00|activity|1"),  # after the last
    "ÿþ",
    "AAAA" * 500,
]


@pytest.mark.parametrize("token", HOSTILE)
def test_a_made_up_cursor_is_a_400(owner: User, token: str) -> None:
    run(owner)
    for headers in ({}, {"HX-Request": "true"}):
        response = browser_of(owner).get("/", {"before": token}, headers=headers)
        assert response.status_code == 400


def test_bytes_that_are_no_text_are_a_400(owner: User) -> None:
    assert browser_of(owner).get("/?before=%FF%FE%00").status_code == 400


def test_the_token_the_page_gives_reads_back_as_the_same_cursor(owner: User) -> None:
    activity = run(owner, at=MORNING)
    cursor = Cursor(activity.start_time, "activity", activity.pk)
    assert Cursor.from_token(cursor.token()) == cursor
    response = browser_of(owner).get("/", {"before": cursor.token()})
    assert response.status_code == 200

"""/records/: the owner's records with their history; nobody else's."""

from __future__ import annotations

from saathi.accounts.models import User
from tests.activities.pages import text_of
from tests.people import browser_of
from tests.records.history import entry


def test_the_owner_sees_each_record_with_its_activity_and_history(owner: User) -> None:
    entry(owner, "2025-03-01 07:00", km=30, title="Lake loop")
    entry(owner, "2025-03-08 07:00", km=45, title="To the pass")
    entry(owner, "2025-03-09 07:00", sport="yoga", minutes=20, title="Morning yoga")

    response = browser_of(owner).get("/records/")

    page = text_of(response.content.decode())
    assert "Longest distance 45.0 km To the pass · 8 Mar" in page
    assert "1 earlier 30.0 km · Lake loop · 1 Mar" in page
    assert "Longest moving time 20:00 Morning yoga" in page
    assert page.index("Ride") < page.index("Yoga")


def test_a_stranger_sees_only_their_own_records(owner: User, stranger: User) -> None:
    entry(owner, "2025-03-01 07:00", km=30, title="Lake loop", visibility="public")

    page = text_of(browser_of(stranger).get("/records/").content.decode())

    assert "Lake loop" not in page
    assert "No records yet" in page


def test_an_anonymous_visitor_is_sent_to_log_in(owner: User) -> None:
    entry(owner, "2025-03-01 07:00", km=30)

    response = browser_of(None).get("/records/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")

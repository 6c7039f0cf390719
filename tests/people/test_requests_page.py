"""The requests page lists who waits for the owner's answer, to follow or to be partners."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.people.models import Follow, Partnership
from tests.people import browser_of

pytestmark = pytest.mark.django_db


def test_follow_and_partner_requests_wait_with_their_answers(
    owner: User, awaiting: User, follower: User, stranger: User
) -> None:
    Partnership.objects.create(asker=stranger, answerer=owner)
    html = browser_of(owner).get("/people/requests/").content.decode()
    follows, partners = html.split("Asking to follow you", 1)[1].split("Asking to be training")
    assert "Kiran Das" in follows
    assert "Farid Khan" not in follows
    assert "/people/awaiting/follow/accept/" in follows
    assert "Vikram Singh" in partners
    assert "/people/vikram/partner/accept/" in partners


def test_a_request_the_owner_made_is_not_hers_to_answer(owner: User, stranger: User) -> None:
    Follow.objects.create(follower=owner, followed=stranger)
    Partnership.objects.create(asker=owner, answerer=stranger)
    html = browser_of(owner).get("/people/requests/").content.decode()
    assert "Vikram Singh" not in html
    assert "Vikram Singh" in browser_of(stranger).get("/people/requests/").content.decode()


def test_a_visitor_is_sent_to_log_in(db: None) -> None:
    response = browser_of(None).get("/people/requests/")
    assert response.status_code == 302

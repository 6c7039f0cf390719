"""The profile's buttons: each a POST that does one thing and shows the state it left."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.people.models import Block, Follow, Partnership
from tests.people import browser_of

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_follow_asks_and_the_buttons_say_requested(owner: User, stranger: User) -> None:
    response = browser_of(stranger).post("/people/asha/follow/", **HTMX)
    assert response.status_code == 200
    assert "Requested" in response.content.decode()
    assert Follow.objects.filter(follower=stranger, followed=owner, accepted=False).exists()


def test_without_htmx_the_browser_goes_back_to_the_profile(owner: User, stranger: User) -> None:
    response = browser_of(stranger).post("/people/asha/follow/")
    assert response.status_code == 302
    assert response["Location"] == "/people/asha/"


def test_a_follower_sees_following_and_may_unfollow(owner: User, follower: User) -> None:
    browser = browser_of(follower)
    assert "Following" in browser.get("/people/asha/").content.decode()
    assert ">Follow<" in browser.post("/people/asha/unfollow/", **HTMX).content.decode()
    assert not Follow.objects.filter(follower=follower).exists()


def test_the_owner_answers_a_request_from_the_askers_profile(owner: User, awaiting: User) -> None:
    browser = browser_of(owner)
    assert "asked to follow you" in browser.get("/people/awaiting/").content.decode()
    browser.post("/people/awaiting/follow/accept/", **HTMX)
    assert Follow.objects.get(follower=awaiting).accepted is True


def test_partners_ask_accept_and_end(owner: User, stranger: User) -> None:
    html = browser_of(owner).post("/people/vikram/partner/", **HTMX).content.decode()
    assert "Asked to be partners" in html
    html = browser_of(stranger).post("/people/asha/partner/accept/", **HTMX).content.decode()
    assert "Training partners" in html
    assert Partnership.objects.get().accepted is True
    browser_of(owner).post("/people/vikram/partner/end/", **HTMX)
    assert not Partnership.objects.exists()


def test_a_partner_chooses_to_join_outings_without_asking(owner: User, partner: User) -> None:
    response = browser_of(owner).post("/people/partner/partner/auto-join/", {"auto_joins": "on"})
    assert response.status_code == 302
    assert Partnership.objects.get().answerer_auto_joins is True


def test_blocking_sends_the_blocker_to_her_blocked_list(owner: User, follower: User) -> None:
    response = browser_of(owner).post("/people/follower/block/")
    assert response["Location"] == "/settings/blocked/"
    assert Block.objects.filter(blocker=owner, blocked=follower).exists()
    assert not Follow.objects.exists()
    response = browser_of(owner).post("/people/follower/block/", **HTMX)
    assert response.status_code == 404  # she no longer finds him


def test_unblocking_from_the_blocked_list(owner: User, blocked: User) -> None:
    browser = browser_of(owner)
    assert "Bela Roy" in browser.get("/settings/blocked/").content.decode()
    assert browser.post("/people/blocked/unblock/", **HTMX).content == b""
    assert not Block.objects.exists()
    assert browser.post("/people/blocked/unblock/").status_code == 404


def test_buttons_are_not_found_across_a_block(owner: User, blocked: User) -> None:
    browser = browser_of(blocked)
    for url in ("follow", "partner", "block", "unblock", "follow/accept", "partner/end"):
        assert browser.post(f"/people/asha/{url}/").status_code == 404, url
    assert not Follow.objects.exists()


def test_an_answer_to_a_request_never_made_is_not_found(owner: User, stranger: User) -> None:
    assert browser_of(owner).post("/people/vikram/follow/accept/").status_code == 404
    assert browser_of(owner).post("/people/vikram/partner/accept/").status_code == 404


def test_buttons_need_a_post_and_a_signed_in_person(owner: User, stranger: User) -> None:
    assert browser_of(stranger).get("/people/asha/follow/").status_code == 405
    response = browser_of(None).post("/people/asha/follow/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_nobody_follows_themselves_from_their_own_profile(owner: User) -> None:
    assert browser_of(owner).post("/people/asha/follow/").status_code == 404

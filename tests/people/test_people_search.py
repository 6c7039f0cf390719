"""People search by handle and name, as far as each person lets the searcher find them,
and never across a block."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from saathi.accounts.models import User
from saathi.accounts.sharing import FindableBy
from saathi.people.models import Follow
from tests.people import browser_of

pytestmark = pytest.mark.django_db


def _found(searcher: User, q: str) -> str:
    response = browser_of(searcher).get("/people/", {"q": q})
    assert response.status_code == 200
    return response.content.decode().split('id="people-results"', 1)[1]


def test_by_handle_or_by_name(owner: User, stranger: User) -> None:
    assert "Asha Rao" in _found(stranger, "ash")
    assert "Asha Rao" in _found(stranger, "rao")
    assert "Asha Rao" in _found(stranger, "@Asha")
    assert "Asha Rao" not in _found(stranger, "meera")


def test_each_result_says_what_they_are_to_you(owner: User, follower: User) -> None:
    assert "you follow" in _found(follower, "asha")


def test_blocked_people_never_appear_either_way(owner: User, blocked: User) -> None:
    assert "Bela Roy" not in _found(owner, "bela")
    assert "Asha Rao" not in _found(blocked, "asha")


def test_only_people_i_follow_can_find_me(
    owner: User, stranger: User, make_user: Callable[..., User]
) -> None:
    owner.findable_by = FindableBy.FOLLOWED
    owner.save()
    assert "Asha Rao" not in _found(stranger, "asha")
    Follow.objects.create(follower=owner, followed=stranger, accepted=True)
    assert "Asha Rao" in _found(stranger, "asha")
    Follow.objects.create(follower=stranger, followed=owner, accepted=True)
    meera = make_user("meera")
    Follow.objects.create(follower=meera, followed=owner, accepted=True)
    assert "Asha Rao" not in _found(meera, "asha")  # she follows Asha; Asha does not follow her


def test_an_htmx_search_gets_the_results_only(owner: User, stranger: User) -> None:
    response = browser_of(stranger).get("/people/", {"q": "asha"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "Asha Rao" in html
    assert "<html" not in html


def test_search_is_for_people_who_are_signed_in(owner: User) -> None:
    assert browser_of(None).get("/people/", {"q": "asha"}).status_code == 302

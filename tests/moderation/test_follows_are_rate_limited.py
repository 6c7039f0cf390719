"""Past FOLLOWS (60 an hour) a follow is not saved, and the profile says when she may
follow again; with HTMX the buttons say it in place."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from saathi.accounts.models import User
from saathi.accounts.rate_limits import FOLLOWS
from saathi.people.models import Follow

pytestmark = pytest.mark.django_db


def test_the_follow_past_the_limit_is_not_saved(
    owner: User, stranger: User, stranger_client: Client, make_user: Callable[..., User]
) -> None:
    for n in range(FOLLOWS.times):
        make_user(f"runner{n}")
        stranger_client.post(f"/people/runner{n}/follow/")
    assert Follow.objects.filter(follower=stranger).count() == FOLLOWS.times
    response = stranger_client.post("/people/asha/follow/", {"next": "/people/asha/"}, follow=True)
    assert "Too many follow requests; try again in 60 minutes." in response.content.decode()
    assert not Follow.objects.filter(follower=stranger, followed=owner).exists()
    htmx = stranger_client.post("/people/asha/follow/", headers={"HX-Request": "true"})
    assert "Too many follow requests" in htmx.content.decode()
    assert 'id="buttons-asha"' in htmx.content.decode()
    assert not Follow.objects.filter(follower=stranger, followed=owner).exists()


def test_other_buttons_are_not_counted(owner: User, stranger_client: Client) -> None:
    for _ in range(FOLLOWS.times + 1):
        stranger_client.post("/people/asha/unfollow/")
    stranger_client.post("/people/asha/follow/")
    assert Follow.objects.filter(followed=owner, follower__handle="vikram").exists()

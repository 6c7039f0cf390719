"""Past the allowance of comments or reactions, nothing is saved and she is told when she
may go on: on the form, or as a 429 with the message for htmx."""

from __future__ import annotations

import pytest
from django.urls import reverse

from saathi.accounts import rate_limits
from saathi.accounts.models import User
from saathi.conversations.models import Comment, Reaction
from tests.conversations.talk import hill_run
from tests.people import browser_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def spent(follower: User) -> None:
    for limit in (rate_limits.COMMENTS, rate_limits.REACTIONS):
        for _ in range(limit.times):
            assert rate_limits.spend(follower, limit) is None


def test_a_comment_past_the_limit_is_not_saved_and_the_form_says_why(
    owner: User, follower: User, spent: None
) -> None:
    run = hill_run(owner)
    url = reverse("conversations:comment", args=[run.pk])
    answer = browser_of(follower).post(url, {"body": "One more"})
    assert answer.status_code == 429
    page = answer.content.decode()
    assert "Too many comments; try again in 10 minutes." in page and "One more" in page
    htmx = browser_of(follower).post(
        url, {"body": "One more"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="conversation"
    )
    assert htmx.status_code == 429 and "Too many comments" in htmx.content.decode()
    assert not Comment.objects.exists()


def test_a_reaction_past_the_limit_is_not_saved(owner: User, follower: User, spent: None) -> None:
    run = hill_run(owner)
    answer = browser_of(follower).post(
        reverse("conversations:react", args=[run.pk]),
        {"kind": "kudos"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET=f"reactions-{run.pk}",
    )
    assert answer.status_code == 429 and "Too many reactions" in answer.content.decode()
    assert not Reaction.objects.exists()


def test_htmx_is_told_to_swap_a_429_in_where_she_tapped(owner: User) -> None:
    page = browser_of(owner).get(reverse("activities:detail", args=[hill_run(owner).pk]))
    assert '{"code":"(400|403|422|429)","swap":true,"error":false}' in page.content.decode()

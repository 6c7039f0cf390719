"""Whoever may see an activity may comment on it, unless its owner limited comments to
partners or followers, or closed them: then she is refused with the reason, and is not
shown the form. A blocked person and a stranger to a followers' run find nothing."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from saathi.accounts.models import User
from saathi.conversations.comments import CommentRefused, post_comment
from saathi.conversations.models import Comment
from tests.conversations.talk import hill_run
from tests.people import browser_of

pytestmark = pytest.mark.django_db


def _post(person: User, pk: int, body: str = "Nice", **headers: str) -> tuple[int, str]:
    answer = browser_of(person).post(
        reverse("conversations:comment", args=[pk]), {"body": body}, **headers
    )
    return answer.status_code, answer.content.decode()


def test_whoever_may_see_it_may_comment(owner: User, stranger: User) -> None:
    run = hill_run(owner)
    assert _post(stranger, run.pk)[0] == 302
    assert Comment.objects.get().author == stranger


def test_a_blocked_person_and_a_stranger_to_a_followers_run_find_nothing(
    owner: User, blocked: User, stranger: User
) -> None:
    followers_run = hill_run(owner, visibility="followers")
    assert _post(stranger, followers_run.pk)[0] == 404
    assert _post(blocked, followers_run.pk)[0] == 404
    assert _post(blocked, hill_run(owner).pk)[0] == 404
    with pytest.raises(CommentRefused):
        post_comment(activity=followers_run, author=stranger, body="Hi")
    assert not Comment.objects.exists()


def test_comments_limited_to_partners_refuse_a_follower_with_the_reason(
    owner: User, partner: User, follower: User
) -> None:
    run = hill_run(owner, comments_by="partners")
    status, page = _post(follower, run.pk, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="conversation")
    assert status == 403
    assert "Asha Rao takes comments on this activity from training partners only." in page
    assert _post(partner, run.pk)[0] == 302
    assert list(Comment.objects.values_list("author__handle", flat=True)) == ["partner"]


def test_closed_comments_show_the_reason_instead_of_the_form(owner: User, partner: User) -> None:
    run = hill_run(owner, comments_by="only_me")
    page = browser_of(partner).get(reverse("activities:detail", args=[run.pk])).content.decode()
    assert "Asha Rao has closed comments on this activity." in page
    assert reverse("conversations:comment", args=[run.pk]) not in page
    own = browser_of(owner).get(reverse("activities:detail", args=[run.pk])).content.decode()
    assert reverse("conversations:comment", args=[run.pk]) in own


def test_the_owner_chooses_who_may_comment_on_the_edit_page(owner: User, follower: User) -> None:
    run = hill_run(owner)
    browser = browser_of(owner)
    form = browser.get(reverse("activities:edit", args=[run.pk])).content.decode()
    assert "Who can comment" in form and "Nobody: comments are closed" in form
    answer = browser.post(
        reverse("activities:edit", args=[run.pk]),
        {
            "title": "Hill run",
            "sport": "run",
            "timezone": run.timezone,
            "visibility": "public",
            "map_visibility": "public",
            "comments_by": "only_me",
        },
    )
    assert answer.status_code == 302
    run.refresh_from_db()
    assert run.comments_by == "only_me"
    assert _post(follower, run.pk)[0] == 403


def test_a_blank_or_too_long_comment_is_refused_by_the_workflow_too(
    owner: User, partner: User
) -> None:
    run = hill_run(owner)
    for body in ("", "x" * 2001):
        with pytest.raises(ValidationError):
            post_comment(activity=run, author=partner, body=body)
    post_comment(activity=run, author=partner, body="x" * 2000)
    assert Comment.objects.count() == 1

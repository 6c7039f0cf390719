"""Its author edits a comment (it says "edited" then) and deletes it; the activity's owner
deletes it too; anyone else finds nothing to change. Deleting takes its notifications."""

from __future__ import annotations

import pytest
from django.urls import reverse

from saathi.accounts.models import User
from saathi.conversations.comments import edit_comment, post_comment
from saathi.conversations.models import Comment
from saathi.notifications.models import Notification
from tests.conversations.talk import hill_run
from tests.people import browser_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment(owner: User, follower: User) -> Comment:
    return post_comment(activity=hill_run(owner), author=follower, body="Nice")


def test_the_author_edits_it_and_it_says_edited(comment: Comment, follower: User) -> None:
    answer = browser_of(follower).post(
        reverse("conversations:edit", args=[comment.pk]), {"body": "Very nice"}
    )
    assert answer.status_code == 302
    comment.refresh_from_db()
    assert comment.body == "Very nice" and comment.edited is not None
    page = browser_of(follower).get(reverse("activities:detail", args=[comment.activity_id]))
    assert "· edited" in page.content.decode()


def test_nobody_else_may_edit_it_not_even_the_owner(
    comment: Comment, owner: User, partner: User, stranger: User
) -> None:
    for person in (owner, partner, stranger):
        url = reverse("conversations:edit", args=[comment.pk])
        assert browser_of(person).post(url, {"body": "Hacked"}).status_code == 404
    comment.refresh_from_db()
    assert comment.body == "Nice"


def test_an_edit_keeps_the_limits_of_a_new_comment(comment: Comment, follower: User) -> None:
    url = reverse("conversations:edit", args=[comment.pk])
    answer = browser_of(follower).post(url, {"body": "x" * 2001})
    assert answer.status_code == 422 and "at most 2,000 characters" in answer.content.decode()
    comment.refresh_from_db()
    assert comment.body == "Nice" and comment.edited is None


def test_once_comments_are_closed_she_may_delete_but_not_edit(
    comment: Comment, follower: User
) -> None:
    comment.activity.comments_by = "only_me"
    comment.activity.save()
    browser = browser_of(follower)
    assert (
        browser.post(reverse("conversations:edit", args=[comment.pk]), {"body": "X"}).status_code
        == 403
    )
    assert browser.post(reverse("conversations:delete", args=[comment.pk])).status_code == 302
    assert not Comment.objects.exists()


def test_the_owner_deletes_it_and_its_notices_go_with_it(comment: Comment, owner: User) -> None:
    assert Notification.objects.filter(recipient=owner).exists()
    answer = browser_of(owner).post(reverse("conversations:delete", args=[comment.pk]))
    assert answer["Location"].endswith("#conversation")
    assert not Comment.objects.exists() and not Notification.objects.exists()


def test_others_who_see_it_may_not_delete_it(
    comment: Comment, partner: User, blocked: User
) -> None:
    for person in (partner, blocked):
        answer = browser_of(person).post(reverse("conversations:delete", args=[comment.pk]))
        assert answer.status_code == 404
    assert Comment.objects.exists()


def test_editing_tells_no_one_anew(comment: Comment, owner: User) -> None:
    before = Notification.objects.count()
    edit_comment(comment=comment, body="Nice, really")
    assert Notification.objects.count() == before

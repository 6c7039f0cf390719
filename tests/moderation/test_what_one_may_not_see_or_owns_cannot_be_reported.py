"""What the reporter may not see answers 404, as it does everywhere; so does what is
her own. A visitor is asked to sign in first."""

from __future__ import annotations

import pytest
from django.test import Client

from saathi.accounts.models import User
from saathi.moderation.models import Report
from saathi.people.models import Block
from tests import people
from tests.moderation import comment, run

pytestmark = pytest.mark.django_db


def test_an_activity_she_may_not_see_is_not_found(owner: User, stranger_client: Client) -> None:
    hidden = run(owner, "followers")
    assert stranger_client.get(f"/report/activities/{hidden.pk}/").status_code == 404
    assert (
        stranger_client.post(f"/report/activities/{hidden.pk}/", {"reason": "spam"}).status_code
        == 404
    )
    assert not Report.objects.exists()


def test_a_comment_on_what_she_may_not_see_is_not_found(
    owner: User, follower: User, stranger_client: Client
) -> None:
    said = comment(run(owner, "followers"), follower)
    assert stranger_client.get(f"/report/comments/{said.pk}/").status_code == 404


def test_a_hidden_comment_is_not_found(owner: User, stranger: User, follower: User) -> None:
    said = comment(run(owner), stranger)
    said.hidden = True
    said.save()
    assert people.browser_of(follower).get(f"/report/comments/{said.pk}/").status_code == 404


def test_a_block_either_way_hides_the_person(
    owner: User, stranger: User, stranger_client: Client
) -> None:
    Block.objects.create(blocker=stranger, blocked=owner)
    assert stranger_client.get("/report/people/asha/").status_code == 404
    assert people.browser_of(owner).get("/report/people/vikram/").status_code == 404


def test_her_own_things_are_not_hers_to_report(owner: User, owner_client: Client) -> None:
    activity = run(owner)
    said = comment(activity, owner)
    for url in (
        f"/report/activities/{activity.pk}/",
        f"/report/comments/{said.pk}/",
        "/report/people/asha/",
    ):
        assert owner_client.get(url).status_code == 404
        assert owner_client.post(url, {"reason": "spam"}).status_code == 404
    assert not Report.objects.exists()


def test_a_visitor_is_asked_to_sign_in(owner: User, client: Client) -> None:
    response = client.get("/report/people/asha/")
    assert response["Location"].startswith("/accounts/login/?next=")

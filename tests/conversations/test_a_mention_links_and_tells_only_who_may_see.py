"""`@handle` in a comment or a description links to the person and tells her, only when
she may see the activity: otherwise the handle stays plain text and nobody is told."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse

from saathi.accounts.models import User
from saathi.conversations.comments import delete_comment, edit_comment, post_comment
from saathi.conversations.mentions import handles_in
from saathi.conversations.models import Mention
from saathi.notifications.models import Kind, Notification
from saathi.people.models import Block
from tests.conversations.talk import hill_run, notices
from tests.people import browser_of

pytestmark = pytest.mark.django_db


def mentioned(person: User) -> int:
    return Notification.objects.filter(recipient=person, kind=Kind.MENTIONED).count()


def test_handles_are_read_from_the_text_but_not_from_addresses() -> None:
    text = "Ran with @Partner and @partner, mail me@example.org, see x.com/@nobody @ab"
    assert handles_in(text) == ["partner"]


def test_a_mention_in_a_comment_tells_who_may_see_it_and_links_her(
    owner: User, partner: User, follower: User
) -> None:
    run = hill_run(owner, visibility="followers")
    post_comment(activity=run, author=follower, body="Great pacing by @partner!")
    assert mentioned(partner) == 1
    assert notices(partner) == ["Farid Khan mentioned you in a comment on Hill run"]
    page = browser_of(owner).get(reverse("activities:detail", args=[run.pk])).content.decode()
    assert '<a class="mention" href="/people/partner/">@partner</a>' in page


def test_someone_who_may_not_see_it_is_neither_linked_nor_told(
    owner: User, follower: User, stranger: User
) -> None:
    run = hill_run(owner, visibility="followers")
    post_comment(activity=run, author=follower, body="Come next time @vikram")
    assert not Mention.objects.exists() and mentioned(stranger) == 0
    page = browser_of(owner).get(reverse("activities:detail", args=[run.pk])).content.decode()
    assert "Come next time @vikram" in page and "/people/vikram/" not in page


def test_a_block_between_author_and_mentioned_stops_the_mention(
    owner: User, follower: User, make_user: Callable[..., User]
) -> None:
    meera = make_user("meera")
    Block.objects.create(blocker=meera, blocked=follower)
    post_comment(activity=hill_run(owner), author=follower, body="Hi @meera")
    assert mentioned(meera) == 0


def test_a_mention_told_once_and_taken_back_with_the_edit_or_the_comment(
    owner: User, partner: User, follower: User
) -> None:
    comment = post_comment(activity=hill_run(owner), author=follower, body="@partner hi")
    edit_comment(comment=comment, body="@partner hi again")
    assert mentioned(partner) == 1
    edit_comment(comment=comment, body="hi again")
    assert mentioned(partner) == 0 and not Mention.objects.exists()
    edit_comment(comment=comment, body="@partner come back")
    delete_comment(comment)
    assert mentioned(partner) == 0


def test_the_mentioned_owner_is_told_once_not_twice(owner: User, follower: User) -> None:
    post_comment(activity=hill_run(owner), author=follower, body="@asha wow")
    assert list(Notification.objects.values_list("kind", flat=True)) == [Kind.MENTIONED]


def test_a_mention_in_the_description_is_written_by_the_edit_page(
    owner: User, partner: User, stranger: User
) -> None:
    run = hill_run(owner, visibility="partners")
    answer = browser_of(owner).post(
        reverse("activities:edit", args=[run.pk]),
        {
            "title": "Hill run",
            "description": "Hills with @partner and @vikram",
            "sport": "run",
            "timezone": run.timezone,
            "visibility": "partners",
            "map_visibility": "partners",
        },
    )
    assert answer.status_code == 302
    assert notices(partner) == ["Asha Rao mentioned you in Hill run"]
    assert mentioned(stranger) == 0
    page = browser_of(partner).get(reverse("activities:detail", args=[run.pk])).content.decode()
    assert 'href="/people/partner/">@partner</a> and @vikram' in page


def test_a_mention_notice_goes_out_of_sight_with_the_activity(owner: User, partner: User) -> None:
    run = hill_run(owner)
    post_comment(activity=run, author=owner, body="Thanks @partner")
    assert len(notices(partner)) == 1
    run.visibility = "only_me"
    run.save()
    assert notices(partner) == []


def test_no_more_than_ten_are_told(owner: User, make_user: Callable[..., User]) -> None:
    many = [make_user(f"runner{n:02}") for n in range(12)]
    body = " ".join(f"@{person.handle}" for person in many)
    post_comment(activity=hill_run(owner), author=owner, body=body)
    assert Notification.objects.filter(kind=Kind.MENTIONED).count() == 10


def test_a_mention_in_the_description_of_a_new_entry_is_told_too(
    owner: User, partner: User
) -> None:
    answer = browser_of(owner).post(
        reverse("activities:new"),
        {
            "sport": "run",
            "date": "2026-05-02",
            "time": "06:30",
            "duration": "40:00",
            "distance": "8",
            "title": "Hill run",
            "description": "With @partner",
        },
    )
    assert answer.status_code == 302
    assert notices(partner) == ["Asha Rao mentioned you in Hill run"]

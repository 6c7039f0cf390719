"""The conversation on an activity's page answers an htmx tap with the conversation
alone, and a plain form with a redirect back to #conversation: the same view, both ways."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from saathi.accounts.models import User
from saathi.conversations.models import Comment, Reaction
from tests.conversations.talk import hill_run
from tests.people import browser_of

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "conversation"}


def test_a_tap_without_javascript_reacts_and_returns_to_the_conversation(
    owner: User, follower: User
) -> None:
    run = hill_run(owner)
    answer = browser_of(follower).post(
        reverse("conversations:react", args=[run.pk]), {"kind": "fire"}
    )
    assert answer.status_code == 302
    assert answer["Location"] == reverse("activities:detail", args=[run.pk]) + "#conversation"
    assert Reaction.objects.get(activity=run).kind == "fire"


def test_an_htmx_tap_gets_the_conversation_with_her_reaction_pressed(
    owner: User, follower: User
) -> None:
    run = hill_run(owner)
    answer = browser_of(follower).post(
        reverse("conversations:react", args=[run.pk]), {"kind": "heart"}, **HTMX
    )
    page = answer.content.decode()
    assert answer.status_code == 200 and 'id="conversation"' in page and "<html" not in page
    assert 'value="heart" class="reaction reaction-mine" aria-pressed="true"' in page
    assert "Farid Khan" in page  # who reacted


def test_a_bar_elsewhere_gets_itself_back_and_a_plain_tap_goes_back_to_next(
    owner: User, follower: User
) -> None:
    run = hill_run(owner)
    browser = browser_of(follower)
    url = reverse("conversations:react", args=[run.pk])
    bar = browser.post(
        url, {"kind": "clap"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET=f"reactions-{run.pk}"
    )
    assert f'id="reactions-{run.pk}"' in bar.content.decode()
    assert 'id="conversation"' not in bar.content.decode()
    back = browser.post(url, {"kind": "clap", "next": "/"})
    assert back["Location"] == "/" and not Reaction.objects.exists()
    away = browser.post(url, {"kind": "clap", "next": "https://evil.example/"})
    assert away["Location"].endswith("#conversation")


def test_a_comment_without_javascript_is_posted_and_shown_on_the_page(
    owner: User, follower: User
) -> None:
    run = hill_run(owner)
    browser = browser_of(follower)
    answer = browser.post(
        reverse("conversations:comment", args=[run.pk]), {"body": "Strong finish!"}
    )
    assert answer["Location"].endswith("#conversation")
    page = browser.get(reverse("activities:detail", args=[run.pk])).content.decode()
    assert "Strong finish!" in page and "Farid Khan" in page


def test_a_blank_comment_without_javascript_gets_a_page_to_fix_it(
    owner: User, follower: User
) -> None:
    run = hill_run(owner)
    answer = browser_of(follower).post(
        reverse("conversations:comment", args=[run.pk]), {"body": "  "}
    )
    assert answer.status_code == 422
    assert "Write something first." in answer.content.decode()
    assert not Comment.objects.exists()


def test_an_htmx_comment_gets_the_conversation_with_it_in(owner: User, follower: User) -> None:
    run = hill_run(owner)
    answer = browser_of(follower).post(
        reverse("conversations:comment", args=[run.pk]), {"body": "Nice one"}, **HTMX
    )
    page = answer.content.decode()
    assert answer.status_code == 200 and "Nice one" in page and "<html" not in page


def test_editing_inline_and_on_a_page_of_its_own(owner: User, follower: User) -> None:
    run = hill_run(owner)
    comment = Comment.objects.create(activity=run, author=follower, body="Nice")
    browser = browser_of(follower)
    url = reverse("conversations:edit", args=[comment.pk])
    inline = browser.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert f'id="{comment.anchor}"' in inline and "<html" not in inline
    assert "<html" in browser.get(url).content.decode()
    saved = browser.post(url, {"body": "Very nice"})
    assert saved["Location"].endswith("#conversation")
    page = browser.get(reverse("activities:detail", args=[run.pk])).content.decode()
    assert "Very nice" in page and "edited" in page


def test_the_owner_deletes_a_comment_with_htmx(owner: User, follower: User, client: Client) -> None:
    run = hill_run(owner)
    comment = Comment.objects.create(activity=run, author=follower, body="Spam spam")
    client.force_login(owner)
    answer = client.post(reverse("conversations:delete", args=[comment.pk]), **HTMX)
    assert answer.status_code == 200 and "Spam spam" not in answer.content.decode()
    assert not Comment.objects.exists()


def test_an_inline_edit_replaces_itself_when_wrong_and_the_conversation_when_saved(
    owner: User, follower: User
) -> None:
    run = hill_run(owner)
    comment = Comment.objects.create(activity=run, author=follower, body="Nice")
    browser = browser_of(follower)
    url = reverse("conversations:edit", args=[comment.pk])
    wrong = browser.post(url, {"body": ""}, HTTP_HX_REQUEST="true")
    assert wrong.status_code == 422 and "HX-Retarget" not in wrong
    assert (
        wrong.content.decode()
        .lstrip()
        .startswith(f'<li class="comment comment-editing" id="{comment.anchor}"')
    )
    saved = browser.post(url, {"body": "Nicer"}, HTTP_HX_REQUEST="true")
    assert saved["HX-Retarget"] == "#conversation" and 'id="conversation"' in saved.content.decode()

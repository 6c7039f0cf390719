"""Someone who may see a comment may report it, with a reason and a note; she is thanked
and sent back to where she was."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.test import Client, RequestFactory

from saathi.accounts.models import User
from saathi.moderation.models import Kind, Report, Status
from tests import people
from tests.moderation import comment, run

pytestmark = pytest.mark.django_db


def test_the_form_shows_the_comment_and_its_author(owner: User, stranger: User) -> None:
    said = comment(run(owner), stranger, "You run like a duck")
    page = people.browser_of(owner).get(f"/report/comments/{said.pk}/").content.decode()
    assert "You run like a duck" in page
    assert "Vikram Singh" in page
    assert "Hateful words or symbols" in page


def test_a_report_is_saved_and_she_is_sent_back(
    owner: User, owner_client: Client, stranger: User
) -> None:
    activity = run(owner)
    said = comment(activity, stranger)
    back = f"/activities/{activity.pk}/"
    response = owner_client.post(
        f"/report/comments/{said.pk}/",
        {"reason": "harassment", "note": "He says this every week", "next": back},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == back
    assert "Thanks — staff will look at it." in response.content.decode()
    [saved] = Report.objects.all()
    assert (saved.reporter, saved.kind, saved.comment) == (owner, Kind.COMMENT, said)
    assert (saved.reason, saved.note, saved.status) == (
        "harassment",
        "He says this every week",
        Status.OPEN,
    )


def test_a_reason_is_needed_and_the_note_has_a_limit(
    owner: User, owner_client: Client, stranger: User
) -> None:
    said = comment(run(owner), stranger)
    assert owner_client.post(f"/report/comments/{said.pk}/", {"note": "?"}).status_code == 200
    too_long = {"reason": "other", "note": "x" * 1001}
    page = owner_client.post(f"/report/comments/{said.pk}/", too_long).content.decode()
    assert "at most 1000 characters" in page
    assert not Report.objects.exists()


def test_a_link_elsewhere_is_not_followed_back(
    owner: User, owner_client: Client, stranger: User
) -> None:
    activity = run(owner)
    said = comment(activity, stranger)
    response = owner_client.post(
        f"/report/comments/{said.pk}/", {"reason": "spam", "next": "https://evil.example/"}
    )
    assert response["Location"] == f"/activities/{activity.pk}/#comment-{said.pk}"


def test_the_link_beside_a_comment_is_for_others_comments(owner: User, stranger: User) -> None:
    activity = run(owner)
    said = comment(activity, stranger)
    request = RequestFactory().get(f"/activities/{activity.pk}/")

    def link_for(viewer: User) -> str:
        request.user = viewer
        return render_to_string(
            "moderation/includes/report_link.html", {"comment": said}, request=request
        )

    expected = f"/report/comments/{said.pk}/?next=/activities/{activity.pk}/"
    assert expected in link_for(owner)
    assert "/report/" not in link_for(stranger)


def test_the_activity_page_offers_the_link_beside_each_comment_of_someone_else(
    owner: User, owner_client: Client, stranger: User
) -> None:
    activity = run(owner)
    said = comment(activity, stranger)
    link = f"/report/comments/{said.pk}/?next=/activities/{activity.pk}/%23comment-{said.pk}"
    assert link in owner_client.get(f"/activities/{activity.pk}/").content.decode()
    theirs = people.browser_of(stranger).get(f"/activities/{activity.pk}/").content.decode()
    assert f"/report/comments/{said.pk}/" not in theirs

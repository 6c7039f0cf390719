"""Staff hide a reported comment or activity from everyone but its author, and can show
it again; each decision answers the report with who took it and when."""

from __future__ import annotations

import pytest
from django.test import Client

from saathi.accounts.models import User
from saathi.conversations.models import Comment
from saathi.moderation.models import Action, Status
from tests import people
from tests.moderation import comment, decide_in_admin, reported, run, staff_browser

pytestmark = pytest.mark.django_db


def test_a_hidden_comment_is_its_authors_alone_until_shown_again(
    owner: User, stranger: User, follower: User
) -> None:
    activity = run(owner)
    said = comment(activity, stranger, "Slowcoach")
    report = reported(said, by=owner)
    staff = staff_browser()
    page = f"/activities/{activity.pk}/"

    decide_in_admin(staff, "hid", report)
    said.refresh_from_db()
    assert said.hidden
    assert not Comment.objects.shown_to(follower).exists()
    assert Comment.objects.shown_to(stranger).get() == said

    decide_in_admin(staff, "unhid", report)
    assert Comment.objects.shown_to(follower).get() == said
    assert people.browser_of(follower).get(page).status_code == 200


def test_a_hidden_activity_is_not_found_by_others_and_its_owner_is_told(
    owner: User, owner_client: Client, stranger: User, follower: User
) -> None:
    activity = run(owner, title="Hill-repeats")
    report = reported(activity, by=stranger)
    staff = staff_browser()
    page = f"/activities/{activity.pk}/"

    decide_in_admin(staff, "hid", report)
    assert people.browser_of(follower).get(page).status_code == 404
    assert "Hill-repeats" not in people.browser_of(follower).get("/people/asha/").content.decode()
    mine = owner_client.get(page).content.decode()
    assert "The site's staff hid this activity" in mine

    decide_in_admin(staff, "unhid", report)
    assert people.browser_of(follower).get(page).status_code == 200
    assert "The site's staff hid this activity" not in owner_client.get(page).content.decode()


def test_a_decision_answers_every_open_report_of_the_thing(
    owner: User, stranger: User, follower: User
) -> None:
    activity = run(owner)
    first, second = reported(activity, by=stranger), reported(activity, by=follower)
    elsewhere = reported(run(owner, title="Other"), by=stranger)
    decide_in_admin(staff_browser(), "hid", first)
    for report in (first, second, elsewhere):
        report.refresh_from_db()
    assert (first.status, first.action, first.handled_by.handle) == (
        Status.ACTED_ON,
        Action.HID,
        "chief",
    )
    assert first.handled_at is not None
    assert (second.status, second.action) == (Status.ACTED_ON, Action.HID)
    assert elsewhere.status == Status.OPEN


def test_a_profile_cannot_be_hidden_and_staff_are_told_why(owner: User, stranger: User) -> None:
    report = reported(owner, by=stranger)
    page = decide_in_admin(staff_browser(), "hid", report)
    assert "A profile cannot be hidden: suspend the account instead." in page
    report.refresh_from_db()
    assert report.status == Status.OPEN


def test_staff_hide_a_comment_without_a_report(owner: User, stranger: User, follower: User) -> None:
    said = comment(run(owner), stranger)
    staff = staff_browser()
    chosen = {"action": "hide", "_selected_action": [said.pk]}
    staff.post("/admin/conversations/comment/", chosen)
    assert not Comment.objects.shown_to(follower).exists()
    staff.post("/admin/conversations/comment/", {**chosen, "action": "unhide"})
    assert Comment.objects.shown_to(follower).get() == said

"""Staff remove a reported comment or activity: it is deleted, and the report stays,
saying what was done, naming nothing."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.conversations.models import Comment
from saathi.moderation.models import Action, Status
from tests.moderation import comment, decide_in_admin, reported, run, staff_browser

pytestmark = pytest.mark.django_db


def test_a_removed_comment_is_gone_and_its_report_kept(owner: User, stranger: User) -> None:
    said = comment(run(owner), stranger)
    report = reported(said, by=owner)
    decide_in_admin(staff_browser(), "removed", report)
    assert not Comment.objects.exists()
    report.refresh_from_db()
    assert (report.comment, report.status, report.action) == (None, Status.ACTED_ON, Action.REMOVED)


def test_a_removed_activity_is_gone(owner: User, stranger: User) -> None:
    report = reported(run(owner), by=stranger)
    staff = staff_browser()
    decide_in_admin(staff, "removed", report)
    assert not Activity.objects.exists()
    # Nothing is left to act on: the admin says so.
    assert "What was reported is gone already." in decide_in_admin(staff, "hid", report)
    page = staff.get(f"/admin/moderation/report/{report.pk}/change/").content.decode()
    assert "Gone: removed, or deleted by its author." in page


def test_two_reports_of_one_comment_selected_together_are_answered_once(
    owner: User, stranger: User, follower: User
) -> None:
    said = comment(run(owner), stranger)
    first, second = reported(said, by=owner), reported(said, by=follower)
    page = decide_in_admin(staff_browser(), "removed", first, second)
    assert "Removed it: 2 report(s) answered." in page
    assert "gone already" not in page

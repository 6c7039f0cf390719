"""Staff read each report beside what it names: the comment's words, author and activity,
the activity's title and owner, the person's name and handle; newest first."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from tests.moderation import comment, reported, run, staff_browser

pytestmark = pytest.mark.django_db


def test_a_comment_report_shows_its_words_author_and_activity(owner: User, stranger: User) -> None:
    activity = run(owner, title="Hill-repeats")
    report = reported(comment(activity, stranger, "You run like a duck"), by=owner)
    page = staff_browser().get(f"/admin/moderation/report/{report.pk}/change/").content.decode()
    assert "You run like a duck" in page
    assert "@vikram" in page
    assert f'href="/activities/{activity.pk}/"' in page and "Hill-repeats" in page


def test_an_activity_and_a_person_report_show_whose(owner: User, stranger: User) -> None:
    staff = staff_browser()
    about_run = reported(run(owner, title="Hill-repeats"), by=stranger)
    about_her = reported(owner, by=stranger)
    page = staff.get(f"/admin/moderation/report/{about_run.pk}/change/").content.decode()
    assert "Hill-repeats" in page and "@asha" in page
    page = staff.get(f"/admin/moderation/report/{about_her.pk}/change/").content.decode()
    assert "Asha Rao" in page and 'href="/people/asha/"' in page


def test_the_list_is_newest_first_and_filters_by_status(owner: User, stranger: User) -> None:
    staff = staff_browser()
    reported(run(owner, title="Older-run"), by=stranger)
    reported(run(owner, title="Newer-run"), by=stranger)
    page = staff.get("/admin/moderation/report/").content.decode()
    assert page.index("Newer-run") < page.index("Older-run")
    assert (
        "Newer-run"
        not in staff.get("/admin/moderation/report/?status__exact=dismissed").content.decode()
    )

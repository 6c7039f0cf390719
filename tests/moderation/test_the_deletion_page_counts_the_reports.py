"""The account-deletion page counts the reports she sent; they go with her account, and
reports about her stay, naming no one."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from saathi.accounts.deletion import delete_account
from saathi.accounts.models import User
from saathi.moderation.models import Report
from tests.moderation import reported, run

pytestmark = pytest.mark.django_db


def test_her_reports_are_counted_and_go_with_her(
    owner: User, owner_client: Client, stranger: User, follower: User
) -> None:
    reported(stranger, by=owner)
    reported(run(stranger), by=owner)
    about_her = reported(owner, by=follower)
    html = owner_client.get("/settings/delete/").content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "2 reports you sent" in text
    delete_account(user=owner)
    assert list(Report.objects.all()) == [about_her]
    about_her.refresh_from_db()
    assert about_her.person is None

"""A person's profile may be reported by anyone who may open it; the profile links to
the form, except on one's own."""

from __future__ import annotations

import pytest
from django.test import Client

from saathi.accounts.models import User
from saathi.moderation.models import Kind, Report

pytestmark = pytest.mark.django_db


def test_a_stranger_reports_a_profile(owner: User, stranger: User, stranger_client: Client) -> None:
    page = stranger_client.get("/report/people/asha/").content.decode()
    assert "Asha Rao" in page and "@asha" in page
    response = stranger_client.post(
        "/report/people/asha/", {"reason": "spam", "note": "Sells shoes", "next": "/people/asha/"}
    )
    assert response["Location"] == "/people/asha/"
    [saved] = Report.objects.all()
    assert (saved.reporter, saved.kind, saved.person, saved.note) == (
        stranger,
        Kind.PERSON,
        owner,
        "Sells shoes",
    )


def test_the_profile_links_to_the_form_for_others_only(
    owner: User, owner_client: Client, stranger_client: Client
) -> None:
    assert "/report/people/asha/" in stranger_client.get("/people/asha/").content.decode()
    assert "/report/people/asha/" not in owner_client.get("/people/asha/").content.decode()

"""The sharing settings are the person's own to change; a map is never shared wider than
the activity it belongs to."""

from __future__ import annotations

import pytest
from django.test import Client

from saathi.accounts.models import User
from tests.accounts.test_settings_page import form_data

pytestmark = pytest.mark.django_db


def test_every_sharing_choice_is_saved(owner_client: Client, owner: User) -> None:
    response = owner_client.post(
        "/settings/",
        form_data(
            approve_followers="",
            findable_by="followed",
            public_profile="on",
            default_visibility="public",
            default_map_visibility="partners",
            match_with="partners",
            bio="Hill runs before work.",
            home_region="Srinagar",
        ),
    )
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.approve_followers is False
    assert (owner.findable_by, owner.public_profile, owner.match_with) == (
        "followed",
        True,
        "partners",
    )
    assert (owner.default_visibility, owner.default_map_visibility) == ("public", "partners")
    assert (owner.bio, owner.home_region) == ("Hill runs before work.", "Srinagar")


def test_a_map_wider_than_its_activity_is_refused(owner_client: Client, owner: User) -> None:
    response = owner_client.post(
        "/settings/", form_data(default_visibility="partners", default_map_visibility="public")
    )
    assert response.status_code == 200
    assert "The map cannot be seen by more people than the activity" in response.content.decode()
    owner.refresh_from_db()
    assert owner.default_map_visibility == "followers"


def test_the_page_links_to_the_people_she_blocked(owner_client: Client) -> None:
    assert 'href="/settings/blocked/"' in owner_client.get("/settings/").content.decode()

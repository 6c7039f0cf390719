"""/settings/ edits the signed-in person's own profile, and only theirs."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from saathi.accounts.models import User

pytestmark = pytest.mark.django_db


# The sharing settings as a new account has them (an unticked box is not posted).
SHARING = {
    "approve_followers": "on",
    "findable_by": "everyone",
    "default_visibility": "followers",
    "default_map_visibility": "followers",
    "match_with": "mutual",
}


def form_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "display_name": "Asha R.",
        "email": "asha@example.org",
        "time_zone": "Asia/Kolkata",
        "units": "imperial",
        "birth_year": "1988",
        "sex": "female",
        "resting_hr": "50",
        "max_hr": "185",
        **SHARING,
    }
    data.update(overrides)
    return data


def test_a_logged_out_visitor_is_sent_to_log_in(client: Client) -> None:
    response = client.get("/settings/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/settings/"
    assert client.post("/settings/", form_data())["Location"].startswith("/accounts/login/")


def test_the_page_shows_your_own_values(owner_client: Client) -> None:
    html = owner_client.get("/settings/").content.decode()
    assert 'value="Asha Rao"' in html
    assert '<option selected value="Asia/Kolkata">' in html
    assert html.count("<option selected") == 1


def test_every_time_zone_is_offered(owner_client: Client) -> None:
    html = owner_client.get("/settings/").content.decode()
    for name in ("America/Argentina/Buenos_Aires", "Asia/Kathmandu", "UTC", "Pacific/Chatham"):
        assert f'<option value="{name}"' in html


def test_saving_changes_your_profile(owner_client: Client, owner: User) -> None:
    response = owner_client.post("/settings/", form_data())
    assert response.status_code == 302
    owner.refresh_from_db()
    assert (owner.display_name, owner.units, owner.resting_hr, owner.max_hr) == (
        "Asha R.",
        "imperial",
        50,
        185,
    )


def test_a_forged_post_changes_only_the_posters_own_profile(
    stranger_client: Client, stranger: User, owner: User
) -> None:
    # There is no field or URL naming whose settings these are; extra fields are ignored.
    forged = form_data(
        display_name="Hacked",
        email="vikram@example.org",
        id=str(owner.pk),
        pk=str(owner.pk),
        handle="asha",
    )
    assert stranger_client.post("/settings/", forged).status_code == 302
    owner.refresh_from_db()
    stranger.refresh_from_db()
    assert owner.display_name == "Asha Rao"
    assert stranger.display_name == "Hacked"
    assert stranger.handle == "vikram"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("time_zone", "Mars/Olympus_Mons", "is not a time zone name such as Asia/Kolkata"),
        ("resting_hr", "10", "greater than or equal to 25"),
        ("max_hr", "300", "less than or equal to 240"),
        ("resting_hr", "190", "less than or equal to 120"),
        ("birth_year", "1850", "Please enter a birth year between"),
        ("birth_year", "2030", "Please enter a birth year between"),
        ("sex", "robot", "not one of the available choices"),
        ("units", "furlongs", "not one of the available choices"),
    ],
)
def test_values_out_of_range_are_refused_with_a_reason(
    owner_client: Client, owner: User, field: str, value: str, message: str
) -> None:
    response = owner_client.post("/settings/", form_data(**{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    owner.refresh_from_db()
    assert owner.display_name == "Asha Rao"


def test_resting_heart_rate_must_be_below_maximum(owner_client: Client, owner: User) -> None:
    response = owner_client.post("/settings/", form_data(resting_hr="110", max_hr="105"))
    assert "Resting heart rate must be below your maximum heart rate." in response.content.decode()


def test_an_email_used_by_someone_else_is_refused(
    owner_client: Client, owner: User, stranger: User
) -> None:
    response = owner_client.post("/settings/", form_data(email="VIKRAM@example.org"))
    assert "Another account already uses that email address." in response.content.decode()


def test_a_refused_form_does_not_leak_into_the_header(owner_client: Client) -> None:
    response = owner_client.post("/settings/", form_data(display_name="Typo", max_hr="999"))
    header = response.content.decode().split("<main", 1)[0]
    assert "Asha Rao" in header
    assert "Typo" not in header

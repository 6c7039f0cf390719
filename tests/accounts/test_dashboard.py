"""The dashboard: this week, Monday to Sunday in your own time zone, empty until you train."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.test import Client

from saathi.accounts.models import User
from saathi.accounts.week import this_week

pytestmark = pytest.mark.django_db


def test_a_logged_out_visitor_is_sent_to_log_in(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/"


def test_a_new_account_sees_this_week_empty_with_an_invitation(owner_client: Client) -> None:
    html = owner_client.get("/").content.decode()
    assert "<h1" in html and ">Feed</h1>" in html and ">This week</h2>" in html
    assert "<dt>Activities</dt><dd>0</dd>" in html
    assert '0.0<span class="unit">km</span>' in html
    assert "Your journal is waiting for its first entry" in html


def test_imperial_units_show_miles_and_feet(owner_client: Client, owner: User) -> None:
    owner.units = "imperial"
    owner.save()
    html = owner_client.get("/").content.decode()
    assert '<span class="unit">mi</span>' in html
    assert '<span class="unit">ft</span>' in html


def test_the_week_starts_on_monday_in_the_home_time_zone() -> None:
    # Sunday 22 Nov 2026, 20:00 UTC is already Monday 23 Nov, 01:30 in Kolkata.
    now = datetime(2026, 11, 22, 20, 0, tzinfo=UTC)
    in_kolkata = this_week(User(handle="asha", time_zone="Asia/Kolkata"), now)
    in_utc = this_week(User(handle="asha", time_zone="UTC"), now)
    assert in_kolkata.start == date(2026, 11, 23)
    assert in_kolkata.days[0].is_today
    assert in_utc.start == date(2026, 11, 16)
    assert in_utc.days[6].is_today
    assert [day.label for day in in_utc.days] == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert in_utc.end == date(2026, 11, 22)


def test_an_empty_week_has_no_moving_time() -> None:
    week = this_week(User(handle="asha"), datetime(2026, 1, 1, tzinfo=UTC))
    assert week.moving_time == "0:00"

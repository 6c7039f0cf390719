"""Together figures between two partners: outings, distance, time, climbing, since when,
the longest and the latest, each outing counted once whoever recorded it; the page is
for her partner only and its queries do not grow with the number of outings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.together.figures import between
from saathi.together.outings import join
from tests.people import browser_of

pytestmark = pytest.mark.django_db

DAY0 = datetime(2025, 3, 1, 6, 0, tzinfo=UTC)


def entry(owner: User, day: int, km: float, ascent: float = 100.0) -> Activity:
    start = DAY0 + timedelta(days=day)
    return Activity.objects.create(
        owner=owner,
        sport="run",
        title=f"Run of day {day}",
        start_time=start,
        timezone="Asia/Kolkata",
        local_date=start.date(),
        visibility="partners",
        distance_m=km * 1000,
        moving_s=km * 330,
        ascent_m=ascent,
    )


def outings(a: User, b: User, count: int) -> None:
    for day in range(count):
        join([entry(a, day, 10 + day), entry(b, day, 10 + day + 0.2)])


def test_an_outing_both_recorded_counts_once_by_her_own_figures(owner: User, partner: User) -> None:
    outings(owner, partner, 2)
    mine = between(owner, partner)
    assert mine.outings == 2
    assert mine.distance_m == pytest.approx(21_000)
    assert mine.moving_s == pytest.approx(21 * 330)
    assert mine.ascent_m == 200
    assert mine.since == date(2025, 3, 1)
    assert mine.longest is not None and mine.longest.distance_m == 11_000
    assert mine.latest is not None and mine.latest.owner == owner
    assert between(partner, owner).outings == 2


def test_outings_with_someone_else_do_not_count(
    owner: User, partner: User, make_user: Callable[..., User]
) -> None:
    meera = make_user("meera")
    join([entry(owner, 0, 5), entry(meera, 0, 5)])
    join([entry(owner, 1, 5)])
    assert between(owner, partner).outings == 0
    assert between(owner, partner).longest is None


def test_two_recordings_of_hers_on_one_outing_count_once(owner: User, partner: User) -> None:
    join([entry(owner, 0, 10), entry(owner, 0, 10.1), entry(partner, 0, 10)])
    assert between(owner, partner).outings == 1
    assert between(owner, partner).distance_m == 10_000


@pytest.mark.parametrize(
    ("viewer", "status"),
    [
        ("partner", 200),
        ("owner", 404),  # herself: there is no "together" with oneself
        ("follower", 404),
        ("awaiting", 404),
        ("stranger", 404),
        ("blocked", 404),
        ("anonymous", 302),
    ],
)
def test_the_page_is_for_her_partner_only(
    request: pytest.FixtureRequest, owner: User, partner: User, viewer: str, status: int
) -> None:
    outings(owner, partner, 1)
    response = browser_of(request.getfixturevalue(viewer)).get(
        reverse("together:together", args=["asha"])
    )
    assert response.status_code == status


def test_the_page_tells_the_figures(owner: User, partner: User) -> None:
    outings(owner, partner, 3)
    html = browser_of(partner).get(reverse("together:together", args=["asha"])).content.decode()
    assert "You and Asha Rao" in html
    assert "Outings together" in html and ">3<" in html


def test_the_page_makes_as_many_queries_for_50_outings_as_for_1(
    owner: User, partner: User, make_user: Callable[..., User]
) -> None:
    outings(owner, partner, 1)
    browser = browser_of(partner)
    url = reverse("together:together", args=["asha"])
    with CaptureQueriesContext(connection) as one:
        browser.get(url)
    outings(owner, partner, 50)
    with CaptureQueriesContext(connection) as fifty:
        assert ">51<" in browser.get(url).content.decode()
    assert len(fifty) == len(one)


def test_her_profile_tells_her_partner_how_many_outings_and_how_far(
    owner: User, partner: User, stranger: User
) -> None:
    outings(owner, partner, 2)
    profile = reverse("profile", args=["asha"])
    html = browser_of(partner).get(profile).content.decode()
    # His own two activities on their outings: 10.2 km and 11.2 km.
    assert "2 outings</strong>, 21.4" in html
    assert reverse("together:together", args=["asha"]) in html
    assert "Together" not in browser_of(stranger).get(profile).content.decode()


def test_her_profile_makes_as_many_queries_for_50_outings_as_for_1(
    owner: User, partner: User
) -> None:
    outings(owner, partner, 1)
    browser = browser_of(partner)
    profile = reverse("profile", args=["asha"])
    with CaptureQueriesContext(connection) as one:
        assert "1 outing</strong>" in browser.get(profile).content.decode()
    outings(owner, partner, 50)
    with CaptureQueriesContext(connection) as fifty:
        assert "51 outings</strong>" in browser.get(profile).content.decode()
    assert len(fifty) == len(one)

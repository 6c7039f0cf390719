"""The outing page shows each participant whose activity the viewer may see (a line on
the map only where she may see the map), counts the rest, and is not found by someone
who may see none of them; its queries do not grow with the number of participants."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from saathi.accounts.models import User
from saathi.accounts.sharing import Visibility
from saathi.together.models import Outing
from saathi.together.outings import join
from tests.people import browser_of
from tests.together.recordings import loop_run, recorded
from tests.tracks.outing_cases import T0

pytestmark = pytest.mark.django_db


@pytest.fixture
def outing(owner: User, partner: User) -> Outing:
    """Asha's run (followers) and Priya's (partners only), one outing."""
    hers = recorded(owner, loop_run(seed=1), visibility="followers", map_visibility="followers")
    priyas = recorded(
        partner, loop_run(start=T0 + 20, seed=2), visibility="partners", map_visibility="partners"
    )
    return join([hers, priyas])


def page(viewer: User | AnonymousUser, outing: Outing) -> tuple[int, str]:
    response = browser_of(viewer).get(reverse("together:outing", args=[outing.pk]))
    return response.status_code, response.content.decode()


@pytest.mark.parametrize(
    ("viewer", "status", "named", "others"),
    [
        ("owner", 200, {"Asha Rao", "Priya Nair"}, 0),
        ("partner", 200, {"Asha Rao", "Priya Nair"}, 0),
        ("follower", 200, {"Asha Rao"}, 1),
        ("awaiting", 404, set(), 0),
        ("stranger", 404, set(), 0),
        ("blocked", 404, set(), 0),
        ("anonymous", 404, set(), 0),
    ],
)
def test_each_viewer_sees_the_participants_she_may(
    request: pytest.FixtureRequest,
    outing: Outing,
    viewer: str,
    status: int,
    named: set[str],
    others: int,
) -> None:
    code, html = page(request.getfixturevalue(viewer), outing)
    assert code == status
    if status != 200:
        assert "Asha" not in html and "Priya" not in html
        return
    for name in {"Asha Rao", "Priya Nair"}:
        assert (name in html) is (name in named)
    assert ("and 1 other" in html) is (others == 1)


def test_a_line_is_drawn_only_where_the_viewer_may_see_the_map(
    owner: User, partner: User, follower: User
) -> None:
    hers = recorded(owner, loop_run(seed=1), visibility="followers", map_visibility="only_me")
    theirs = recorded(partner, loop_run(start=T0 + 20, seed=2), visibility="followers")
    outing = join([hers, theirs])
    response = browser_of(partner).get(reverse("together:outing", args=[outing.pk]))
    lines = json.loads(
        response.content.decode()
        .split('id="outing-lines" type="application/json">')[1]
        .split("</script>")[0]
    )
    assert [line["name"] for line in lines] == ["Priya Nair"]
    assert "Asha Rao" in response.content.decode()  # her figures, not her map


def test_an_outing_no_one_is_left_on_is_not_found(owner_client: Client) -> None:
    outing = Outing.objects.create()
    assert owner_client.get(reverse("together:outing", args=[outing.pk])).status_code == 404


def test_a_public_outing_is_open_to_visitors_when_the_profile_is(owner: User) -> None:
    owner.public_profile = True
    owner.save()
    outing = join([recorded(owner, loop_run(), visibility=Visibility.PUBLIC)])
    code, html = page(AnonymousUser(), outing)
    assert code == 200 and "Asha Rao" in html


def outing_of(many: int, make_user: Callable[..., User]) -> Outing:
    people = [make_user(f"runner{i}") for i in range(many)]
    return join(
        [
            recorded(
                p, loop_run(start=T0 + i, seed=i), visibility="public", map_visibility="public"
            )
            for i, p in enumerate(people)
        ]
    )


def test_the_page_makes_as_many_queries_for_50_participants_as_for_1(
    owner_client: Client,
    make_user: Callable[..., User],
    django_assert_num_queries: Callable[..., object],
) -> None:
    one = outing_of(1, make_user)
    with CaptureQueriesContext(connection) as counted:
        assert owner_client.get(reverse("together:outing", args=[one.pk])).status_code == 200
    queries = len(counted)
    fifty = outing_of(50, lambda handle: make_user(f"x{handle}"))
    with django_assert_num_queries(queries):
        response = owner_client.get(reverse("together:outing", args=[fifty.pk]))
    assert response.content.decode().count('class="person-swatch"') >= 50


def test_the_outing_says_when_in_the_activitys_own_time(owner: User, partner: User) -> None:
    hers = recorded(owner, loop_run(seed=1), visibility="followers")
    outing = join([hers, recorded(partner, loop_run(start=T0 + 20, seed=2))])
    local = hers.local_start
    assert local.utcoffset() != hers.start_time.utcoffset()  # a zone that is not UTC
    code, html = page(owner, outing)
    assert code == 200 and f"{local:%H:%M}" in html and f"{local.day} {local:%B %Y}" in html

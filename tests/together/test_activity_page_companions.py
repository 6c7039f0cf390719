""" "with Meera and 1 other" on an activity's page: the companions a viewer may see by
name, the rest counted as far as she may know they exist, linking the outing; for the
owner, a way to tag who was there."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.template.loader import render_to_string

from saathi.accounts.models import User
from saathi.together.companions import companions_for
from saathi.together.outings import join
from tests.people import browser_of
from tests.together.recordings import loop_run, recorded
from tests.tracks.outing_cases import T0

pytestmark = pytest.mark.django_db


def test_she_sees_her_partner_by_name(owner: User, partner: User) -> None:
    hers = recorded(owner, loop_run())
    outing = join([hers, recorded(partner, loop_run(start=T0 + 20, seed=2))])
    found = companions_for(hers, owner)
    assert found is not None
    assert (found.outing_id, [p.handle for p in found.named], found.others) == (
        outing.pk,
        ["partner"],
        0,
    )
    html = render_to_string("together/includes/companions.html", {"companions": found})
    assert f"/outings/{outing.pk}/" in html and "with Priya Nair" in html


def test_a_companion_she_may_not_see_is_counted_not_named(
    owner: User, partner: User, follower: User, make_user: Callable[..., User]
) -> None:
    hers = recorded(owner, loop_run(), visibility="followers")
    meera = make_user("meera", display_name="Meera")
    join(
        [
            hers,
            recorded(partner, loop_run(start=T0 + 20, seed=2), visibility="partners"),
            recorded(meera, loop_run(start=T0 + 30, seed=3), visibility="public"),
        ]
    )
    found = companions_for(hers, follower)
    assert found is not None
    assert ([p.handle for p in found.named], found.others) == (["meera"], 1)
    html = render_to_string("together/includes/companions.html", {"companions": found})
    assert "with Meera and 1 other" in " ".join(html.split())


def test_a_companion_who_kept_hers_to_herself_is_not_even_counted(
    owner: User, partner: User, stranger: User
) -> None:
    """ "Only me" means that nobody learns it exists."""
    hers = recorded(owner, loop_run(), visibility="public")
    join([hers, recorded(partner, loop_run(start=T0 + 20, seed=2), visibility="only_me")])
    assert companions_for(hers, stranger) is None
    assert companions_for(hers, owner) is None


def test_someone_she_blocked_is_neither_named_nor_counted_to_her(
    owner: User, blocked: User, stranger: User
) -> None:
    hers = recorded(owner, loop_run(), visibility="public")
    join([hers, recorded(blocked, loop_run(start=T0 + 20, seed=2), visibility="public")])
    assert companions_for(hers, owner) is None
    found = companions_for(hers, stranger)
    assert found is not None and [p.handle for p in found.named] == ["blocked"]


def test_the_activity_page_says_with_whom_and_links_the_outing(
    owner: User, partner: User, stranger: User
) -> None:
    hers = recorded(owner, loop_run(), visibility="public", map_visibility="public")
    theirs = recorded(partner, loop_run(start=T0 + 20, seed=2), visibility="partners")
    outing = join([hers, theirs])
    as_her = " ".join(browser_of(owner).get(f"/activities/{hers.pk}/").content.decode().split())
    assert f'href="/outings/{outing.pk}/">with Priya Nair</a>' in as_her
    assert f"/activities/{hers.pk}/tags/" in as_her
    as_priya = " ".join(
        browser_of(partner).get(f"/activities/{theirs.pk}/").content.decode().split()
    )
    assert "with Asha Rao" in as_priya and f"/activities/{theirs.pk}/tags/" in as_priya
    # A stranger sees Asha's public run, and that someone else was there: not who.
    as_stranger = " ".join(
        browser_of(stranger).get(f"/activities/{hers.pk}/").content.decode().split()
    )
    assert "with 1 other" in as_stranger and "Priya" not in as_stranger
    assert "/tags/" not in as_stranger


def test_an_activity_on_no_outing_or_alone_on_one_has_no_companions(owner: User) -> None:
    alone = recorded(owner, loop_run())
    assert companions_for(alone, owner) is None
    join([alone])
    assert companions_for(alone, owner) is None


def test_a_visitor_who_is_not_signed_in_is_told_of_no_one_she_may_not_see(
    owner: User, partner: User, anonymous: object
) -> None:
    owner.public_profile = True
    owner.save()
    hers = recorded(owner, loop_run(), visibility="public")
    join([hers, recorded(partner, loop_run(start=T0 + 20, seed=2), visibility="followers")])
    assert companions_for(hers, anonymous) is None  # type: ignore[arg-type]

""" "with Meera and 1 other" for an activity's page: the companions a viewer may see by
name, the rest counted, linking the outing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.template.loader import render_to_string

from saathi.accounts.models import User
from saathi.together.companions import companions_for
from saathi.together.outings import join
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
            recorded(partner, loop_run(start=T0 + 20, seed=2), visibility="only_me"),
            recorded(meera, loop_run(start=T0 + 30, seed=3), visibility="public"),
        ]
    )
    found = companions_for(hers, follower)
    assert found is not None
    assert ([p.handle for p in found.named], found.others) == (["meera"], 1)
    html = render_to_string("together/includes/companions.html", {"companions": found})
    assert "with Meera and 1 other" in " ".join(html.split())


def test_an_activity_on_no_outing_or_alone_on_one_has_no_companions(owner: User) -> None:
    alone = recorded(owner, loop_run())
    assert companions_for(alone, owner) is None
    join([alone])
    assert companions_for(alone, owner) is None

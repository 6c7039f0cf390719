"""On an outing's map every line but the viewer's own is cut by the privacy zones of
every participant: Priya's line does not show where Asha lives, nor Asha's where Priya
does, and nobody receives a point of anyone's hidden ends."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from saathi.accounts.models import User
from saathi.people.models import Follow
from saathi.people.zones import add_zone
from saathi.together.lines import outing_lines
from saathi.together.models import Outing
from saathi.together.outings import join
from saathi.tracks.geo import haversine_m
from saathi.tracks.privacy import Zone
from tests.together.recordings import loop_run, recorded
from tests.tracks.outing_cases import T0

pytestmark = pytest.mark.django_db


@pytest.fixture
def outing(owner: User, partner: User) -> Outing:
    """They ran the loop together from Asha's door; Asha hides her home, Priya nothing."""
    route = loop_run(seed=1)
    add_zone(owner=owner, lat=float(route.lat[0]), lon=float(route.lon[0]), radius_m=300)
    partner.hide_ends = False
    partner.save()
    hers = recorded(owner, route, visibility="followers", map_visibility="followers")
    priyas = recorded(
        partner, loop_run(start=T0 + 20, seed=2), visibility="followers", map_visibility="followers"
    )
    return join([hers, priyas])


def inside(lat: list[float], lon: list[float], zone: Zone) -> bool:
    metres = haversine_m(zone.lat, zone.lon, np.array(lat), np.array(lon))
    return bool((metres <= zone.radius_m).any())


def test_her_partner_sees_no_line_inside_her_zone(
    owner: User, partner: User, outing: Outing
) -> None:
    zone = owner.privacy_zones.get().as_drawn()
    lines = {line.activity.owner_id: line for line in outing_lines(outing, partner)}
    assert set(lines) == {owner.pk, partner.pk}
    # Asha's line, and Priya's own line too: Priya sees her own whole.
    assert not inside(lines[owner.pk].lat, lines[owner.pk].lon, zone)
    assert inside(lines[partner.pk].lat, lines[partner.pk].lon, zone)


def test_a_follower_sees_neither_line_inside_her_zone(
    owner: User, partner: User, outing: Outing, make_user: Callable[..., User]
) -> None:
    farid = make_user("farid")
    for person in (owner, partner):
        Follow.objects.create(follower=farid, followed=person, accepted=True)
    zone = owner.privacy_zones.get().as_drawn()
    lines = outing_lines(outing, farid)
    assert len(lines) == 2
    assert not any(inside(line.lat, line.lon, zone) for line in lines)


def test_she_sees_her_own_line_whole_and_her_partners_cut_by_her_zone(
    owner: User, outing: Outing
) -> None:
    zone = owner.privacy_zones.get().as_drawn()
    lines = {line.activity.owner_id: line for line in outing_lines(outing, owner)}
    assert inside(lines[owner.pk].lat, lines[owner.pk].lon, zone)
    others = [line for pk, line in lines.items() if pk != owner.pk]
    assert others and not any(inside(line.lat, line.lon, zone) for line in others)

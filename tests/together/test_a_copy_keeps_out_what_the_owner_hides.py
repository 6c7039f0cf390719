"""A tagged person's copy of an activity carries the route only as its owner shows it to
others: no point of the ends her privacy zone hides, whoever then looks at the copy."""

from __future__ import annotations

import numpy as np
import pytest

from saathi.accounts.models import User
from saathi.activities.privacy import visible_track
from saathi.people.zones import add_zone
from saathi.together.tags import accept, tag
from tests.together.recordings import loop_run, recorded

pytestmark = pytest.mark.django_db


def test_her_copy_has_none_of_the_hidden_ends(owner: User, partner: User) -> None:
    route = loop_run()
    # Asha's home where the loop starts and ends: a zone around it, and the ends trimmed.
    add_zone(owner=owner, lat=float(route.lat[0]), lon=float(route.lon[0]), radius_m=300)
    run = recorded(owner, route)
    shown = visible_track(run, partner)
    assert shown is not None and len(shown) < len(route)
    hidden = ~np.isin(route.time, shown.time)
    assert hidden.any()

    mine = accept(tag=tag(activity=run, person=partner, asked_by=owner))

    copy = mine.streams.load()
    # Every point of her copy is one Asha shows others; none of the hidden ones.
    assert np.isin(copy.time, shown.time).all()
    assert not np.isin(route.time[hidden], copy.time).any()
    assert mine.points == len(copy) and mine.has_map

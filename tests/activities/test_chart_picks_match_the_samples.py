"""The chart picks stored at import are what the page drew when it picked them from
the streams at every view: LTTB over the samples, in metric units, to 1,000 points."""

from __future__ import annotations

import numpy as np
import pytest

from saathi.accounts.models import User
from saathi.activities.charts import MAX_POINTS
from saathi.activities.models import ActivityStreams
from saathi.tracks.distance import cumulative_distance
from saathi.tracks.downsample import lttb
from saathi.tracks.sports import limits_for
from saathi.tracks.timing import off_steps
from tests.activities.pages import RIDE, imported, page_data
from tests.people import browser_of

pytestmark = pytest.mark.django_db


def test_the_ride_page_draws_the_lttb_picks_of_its_samples(owner: User) -> None:
    activity = imported(owner, RIDE)
    assert ActivityStreams.objects.get(activity=activity).picks is not None
    track = ActivityStreams.objects.get(activity=activity).load()
    # The page's axis: the distance along the route, in km, never running backwards.
    found = cumulative_distance(track, limits_for("cycling"), off_steps(track, []))
    assert found is not None
    km = np.maximum.accumulate(found[0]) / 1000
    samples = {
        "elevation": track.alt,
        "speed": track.speed * 3.6,
        "hr": track.heart_rate,
        "cadence": track.cadence,
        "power": track.power,
    }

    html = browser_of(owner).get(f"/activities/{activity.pk}/").content.decode()
    series = {s["key"]: s for s in page_data(html)["series"]}

    assert set(series) == set(samples)
    for key, y in samples.items():
        index = lttb(km, y, MAX_POINTS)
        assert len(index) == MAX_POINTS < activity.points
        # Equal to the digit the page shows: 0.1 m of distance, 0.1 of the unit.
        assert series[key]["x"] == pytest.approx(np.round(km[index], 4), abs=1.01e-4), key
        assert series[key]["y"] == pytest.approx(np.round(y[index], 1), abs=0.101), key


def test_the_route_is_every_nth_fix_from_the_first_to_the_last(owner: User) -> None:
    activity = imported(owner, RIDE)
    track = ActivityStreams.objects.get(activity=activity).load()
    fixes = np.flatnonzero(np.isfinite(track.lat) & np.isfinite(track.lon))

    html = browser_of(owner).get(f"/activities/{activity.pk}/").content.decode()
    route = page_data(html)["route"]

    step = -(-fixes.size // 2000)
    index = np.append(fixes[::step], fixes[-1]) if (fixes.size - 1) % step else fixes[::step]
    assert route["lat"] == pytest.approx(np.round(track.lat[index], 5), abs=1e-9)
    assert route["lon"] == pytest.approx(np.round(track.lon[index], 5), abs=1e-9)

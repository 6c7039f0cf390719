"""Chart picks are stored in SI units and drawn in the viewer's: km or miles, m or ft,
km/h or mph, pace per km or per mile."""

from __future__ import annotations

import numpy as np
import pytest

from saathi.accounts.models import User
from saathi.activities.charts import Picked, Picks, draw
from saathi.activities.models import Activity
from saathi.activities.sports import Sport
from saathi.units import Units
from tests.activities.pages import RIDE, imported, page_data
from tests.people import browser_of

RUN = "tcx/3173437224.tcx"  # a run of 3,507 points: its pace chart is cut to 1,000
MILE_KM = 1.609344


def _stored(sport: str, key: str, y: list[float]) -> Picks:
    one = Picked(key, {"top": 5.0, "low": 100.0, "high": 200.0}, x=np.array([0.0, 1609.344]))
    one.y = np.array(y)
    return Picks(axis="distance", sport=sport, series=[one], route={})


def test_pace_is_the_inverse_of_speed_per_km_or_per_mile() -> None:
    picks = _stored(Sport.RUN, "pace", [0.25, 0.3])  # seconds per metre
    run = Activity(sport=Sport.RUN, avg_speed_mps=3.5)

    metric, imperial = draw(run, picks, Units.METRIC), draw(run, picks, Units.IMPERIAL)

    assert (metric.axis_unit, imperial.axis_unit) == ("km", "mi")
    assert metric.series[0].x == [0.0, 1.6093] and imperial.series[0].x == [0.0, 1.0]
    assert metric.series[0].y == [250.0, 300.0]  # 4:10 and 5:00 per km
    assert imperial.series[0].y == [402.3, 482.8]
    assert metric.series[0].pace and metric.series[0].unit == "/km"
    assert "fastest 3:20 /km" in metric.series[0].summary  # 5 m/s
    assert "fastest 5:22 /mi" in imperial.series[0].summary


def test_speed_and_elevation_follow_the_units() -> None:
    ride = Activity(sport=Sport.RIDE, avg_speed_mps=7.0)
    speed = _stored(Sport.RIDE, "speed", [5.0, 10.0])
    elevation = _stored(Sport.RIDE, "elevation", [100.0, 304.8])

    assert draw(ride, speed, Units.METRIC).series[0].y == [18.0, 36.0]
    assert draw(ride, speed, Units.IMPERIAL).series[0].y == [11.2, 22.4]
    assert draw(ride, elevation, Units.METRIC).series[0].y == [100.0, 304.8]
    assert draw(ride, elevation, Units.IMPERIAL).series[0].y == [328.1, 1000.0]
    assert draw(ride, elevation, Units.IMPERIAL).series[0].unit == "ft"


@pytest.mark.django_db
def test_an_imperial_viewer_sees_the_same_ride_in_miles_feet_and_mph(owner: User) -> None:
    activity = imported(owner, RIDE)
    metric = page_data(browser_of(owner).get(f"/activities/{activity.pk}/").content.decode())
    owner.units = "imperial"
    owner.save()
    imperial = page_data(browser_of(owner).get(f"/activities/{activity.pk}/").content.decode())

    km, mi = {s["key"]: s for s in metric["series"]}, {s["key"]: s for s in imperial["series"]}
    assert (metric["axis_unit"], imperial["axis_unit"]) == ("km", "mi")
    # The same points, in other units (to the digit each shows).
    assert np.array(mi["power"]["x"]) == pytest.approx(
        np.array(km["power"]["x"]) / MILE_KM, abs=2e-4
    )
    assert mi["power"]["y"] == km["power"]["y"]
    feet = np.array(km["elevation"]["y"]) / 0.3048
    assert np.array(mi["elevation"]["y"]) == pytest.approx(feet, abs=0.5)
    mph = np.array(km["speed"]["y"]) / MILE_KM
    assert np.array(mi["speed"]["y"]) == pytest.approx(mph, abs=0.1)
    assert mi["speed"]["unit"] == "mph" and mi["elevation"]["unit"] == "ft"
    route_mi = np.array(metric["route"]["x"]) / MILE_KM
    assert np.array(imperial["route"]["x"]) == pytest.approx(route_mi, abs=2e-4)


@pytest.mark.django_db
def test_a_run_draws_its_pace_per_km_or_mile_without_standing_still(owner: User) -> None:
    activity = imported(owner, RUN)
    assert activity.sport == Sport.RUN and activity.points > 1000
    metric = page_data(browser_of(owner).get(f"/activities/{activity.pk}/").content.decode())
    owner.units = "imperial"
    owner.save()
    imperial = page_data(browser_of(owner).get(f"/activities/{activity.pk}/").content.decode())

    [per_km] = [s for s in metric["series"] if s["key"] == "pace"]
    [per_mile] = [s for s in imperial["series"] if s["key"] == "pace"]
    assert per_km["pace"] and (per_km["unit"], per_mile["unit"]) == ("/km", "/mi")
    assert 100 < len(per_km["y"]) <= 1000
    # Slower than 30 min/km is standing, not a pace: left out, not drawn as a spike.
    assert max(per_km["y"]) <= 1800 and min(per_km["y"]) > 120
    assert np.array(per_mile["y"]) == pytest.approx(np.array(per_km["y"]) * MILE_KM, abs=0.2)

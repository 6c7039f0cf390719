"""The activity page: headline figures in the viewer's units, the route, charts and tables."""

from __future__ import annotations

import math

import pytest
from pytest_django.fixtures import Settings

from saathi.accounts.models import User
from saathi.activities.charts import MAX_POINTS
from tests.activities.pages import RIDE, RUN, imported, page_data, text_of
from tests.people import browser_of

pytestmark = pytest.mark.django_db

# From REFERENCE.tsv, fit/4078723797.fit fit_session[0]: the device's own totals.
RIDE_DISTANCE_M = 57567.24
RIDE_ASCENT_M = 1254
RIDE_AVG_SPEED_MPS = 6.89
RIDE_AVG_HR = 165


def _split_rows(html: str) -> str:
    table = html.split('<table class="data-table splits">')[1]
    return table.split("<tbody>")[1].split("</tbody>")[0]


def test_a_ride_shows_the_devices_figures_in_kilometres(owner: User) -> None:
    activity = imported(owner, RIDE)
    html = browser_of(owner).get(f"/activities/{activity.pk}/").content.decode()
    assert f'{RIDE_DISTANCE_M / 1000:.2f}<span class="unit">km</span>' in html  # 57.57
    assert f'{RIDE_ASCENT_M:,}<span class="unit">m</span>' in html  # 1,254
    assert f'{RIDE_AVG_SPEED_MPS * 3.6:.1f}<span class="unit">km/h</span>' in html  # 24.8
    assert f'{RIDE_AVG_HR}<span class="unit">bpm</span>' in html
    words = text_of(html)
    assert "Average speed" in words and "Average pace" not in words
    assert "from the device" in words and "Garmin" in words


def test_imperial_viewers_see_miles_feet_and_mph(owner: User) -> None:
    owner.units = "imperial"
    owner.save()
    activity = imported(owner, RIDE)
    html = browser_of(owner).get(f"/activities/{activity.pk}/").content.decode()
    assert f'{RIDE_DISTANCE_M / 1609.344:.2f}<span class="unit">mi</span>' in html  # 35.77
    assert f'{RIDE_ASCENT_M / 0.3048:,.0f}<span class="unit">ft</span>' in html  # 4,114
    assert f'{RIDE_AVG_SPEED_MPS * 3600 / 1609.344:.1f}<span class="unit">mph</span>' in html
    # One split per started mile, as the viewer counts.
    rows = _split_rows(html)
    assert rows.count("<tr") == math.ceil(RIDE_DISTANCE_M / 1609.344)


def test_splits_are_per_kilometre_for_metric_viewers(owner: User) -> None:
    activity = imported(owner, RIDE)
    html = browser_of(owner).get(f"/activities/{activity.pk}/").content.decode()
    rows = _split_rows(html)
    assert rows.count("<tr") == math.ceil(RIDE_DISTANCE_M / 1000)  # 58, the last partial
    assert rows.count('class="partial"') == 1


def test_the_route_is_in_the_page_data_from_start_to_end(owner: User) -> None:
    activity = imported(owner, RIDE)
    html = browser_of(owner).get(f"/activities/{activity.pk}/").content.decode()
    data = page_data(html)
    route, visible = data["route"], data["visible"]
    assert 100 < len(route["lat"]) <= 2001
    assert len(route["lat"]) == len(route["lon"]) == len(route["x"])
    track = activity.streams.load()
    # The owner's route is whole, from the first fix to the last...
    assert (route["lat"][0], route["lon"][0]) == pytest.approx(
        (track.lat[0], track.lon[0]), abs=1e-5
    )
    assert (route["lat"][-1], route["lon"][-1]) == pytest.approx(
        (track.lat[-1], track.lon[-1]), abs=1e-5
    )
    # ...and beside it the part others see, whose ends the page names.
    assert (visible["lat"][0], visible["lon"][0]) == pytest.approx(
        (activity.start_lat, activity.start_lon), abs=1e-5
    )
    assert (visible["lat"][-1], visible["lon"][-1]) == pytest.approx(
        (activity.end_lat, activity.end_lon), abs=1e-5
    )
    # The route's x runs along the same axis as the charts, up to the whole distance.
    assert route["x"][-1] == pytest.approx(RIDE_DISTANCE_M / 1000, rel=0.02)
    assert f"Starts at <strong>{activity.start_place}</strong>" in html


def test_charts_are_cut_to_a_thousand_points_each_with_a_summary(owner: User) -> None:
    activity = imported(owner, RIDE)
    assert activity.points > 8000
    html = browser_of(owner).get(f"/activities/{activity.pk}/").content.decode()
    series = {s["key"]: s for s in page_data(html)["series"]}
    assert set(series) == {"elevation", "speed", "hr", "cadence", "power"}
    for one in series.values():
        assert len(one["x"]) == len(one["y"]) <= MAX_POINTS
        assert one["x"] == sorted(one["x"])
        assert one["summary"] in html
    assert max(series["elevation"]["y"]) > min(series["elevation"]["y"]) + 200


def test_a_run_shows_pace_per_kilometre(owner: User) -> None:
    activity = imported(owner, RUN)
    html = browser_of(owner).get(f"/activities/{activity.pk}/").content.decode()
    assert "Average pace" in text_of(html)
    seconds = 1000 / activity.avg_speed_mps
    assert f'{int(seconds // 60)}:{round(seconds % 60):02d}<span class="unit">/km</span>' in html
    assert [s["key"] for s in page_data(html)["series"]].count("pace") == 1


def test_the_map_uses_the_tile_server_from_settings(owner: User, settings: Settings) -> None:
    settings.MAP_TILE_URL = "https://tiles.example.test/{z}/{x}/{y}.png"
    activity = imported(owner, RIDE)
    html = browser_of(owner).get(f"/activities/{activity.pk}/").content.decode()
    assert "https://tiles.example.test/{z}/{x}/{y}.png" in html
    assert 'id="activity-map"' in html


def test_the_time_zone_is_named_when_it_differs_from_the_viewers(owner: User) -> None:
    # Stavelot is in Belgium; the owner lives in Kolkata. 14:10 UTC is 16:10 there (CEST).
    activity = imported(owner, RIDE)
    words = text_of(browser_of(owner).get(f"/activities/{activity.pk}/").content.decode())
    assert "16:10 CEST (Europe/Brussels)" in words
    owner.time_zone = "Europe/Brussels"
    owner.save()
    words = text_of(browser_of(owner).get(f"/activities/{activity.pk}/").content.decode())
    assert "16:10" in words and "(Europe/Brussels)" not in words


def test_downloads_give_the_original_bytes_and_a_gpx(owner: User) -> None:
    activity = imported(owner, RIDE)
    client = browser_of(owner)
    original = client.get(f"/activities/{activity.pk}/original/")
    assert (
        b"".join(original.streaming_content)
        == (  # type: ignore[attr-defined]
            pytest.importorskip("tests.conftest").TESTDATA / RIDE
        ).read_bytes()
    )
    gpx = client.get(f"/activities/{activity.pk}/gpx/")
    assert gpx["Content-Type"] == "application/gpx+xml"
    assert gpx.content.count(b"<trkpt") > 8000


def test_a_manual_entry_has_no_map_charts_or_downloads(owner: User) -> None:
    client = browser_of(owner)
    response = client.post(
        "/activities/new/",
        {"sport": "yoga", "date": "2026-05-01", "time": "06:30", "duration": "45:00"},
    )
    html = client.get(response["Location"]).content.decode()
    assert 'id="activity-map"' not in html and "activity-data" not in html
    assert "Entered by hand: there is no file." in html
    assert "45:00" in html


def test_a_run_lists_its_laps_and_best_efforts(owner: User) -> None:
    # compressed-speed-distance.fit: a 10,249 m run the device split into 11 laps
    # (REFERENCE.tsv n_laps).
    activity = imported(owner, "fit/compressed-speed-distance.fit")
    html = browser_of(owner).get(f"/activities/{activity.pk}/").content.decode()
    laps = html.split('<table class="data-table laps">')[1].split("<tbody>")[1]
    assert laps.split("</tbody>")[0].count("<tr>") == 11
    efforts = html.split('<table class="data-table efforts">')[1].split("</tbody>")[0]
    # 10.25 km holds every standard distance up to 10k, and no longer one.
    for name in ("400m", "1k", "1 mile", "5k", "10k"):
        assert f'<th scope="row">{name}</th>' in efforts
    assert "15k" not in efforts and "half marathon" not in efforts
    seconds = activity.best_efforts["5k"]
    minutes, rest = divmod(round(seconds), 60)
    assert minutes < 60 and f"<td>{minutes}:{rest:02d}</td>" in efforts

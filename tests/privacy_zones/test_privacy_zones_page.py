"""The privacy-zones page: a person adds a place by its coordinates (or a click on the
map, which fills them in), edits and deletes it, and sets "hide the start and end"; the
page needs no map tiles, and shows no one else's zones."""

from __future__ import annotations

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from saathi.accounts.models import User
from saathi.people.models import PrivacyZone
from saathi.people.zones import MAX_ZONES, add_zone
from tests.people import browser_of

pytestmark = pytest.mark.django_db
PAGE = "/settings/privacy-zones/"
HOME = {"label": "Home", "lat": "34.20110", "lon": "74.34250", "radius_m": "400"}


def test_the_page_asks_anonymous_visitors_to_log_in() -> None:
    for url in (PAGE, f"{PAGE}ends/", f"{PAGE}1/", f"{PAGE}1/delete/"):
        response = browser_of(None).get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_typing_coordinates_adds_a_zone_drawn_off_the_point(
    owner_client: Client, owner: User
) -> None:
    response = owner_client.post(PAGE, HOME, follow=True)

    assert response.status_code == 200
    [zone] = PrivacyZone.objects.filter(owner=owner)
    assert (zone.label, zone.lat, zone.lon, zone.radius_m) == ("Home", 34.2011, 74.3425, 400)
    assert (zone.drawn_lat, zone.drawn_lon) != (zone.lat, zone.lon)
    assert zone.drawn_radius_m > 400
    assert "The zone is saved" in response.content.decode()


@pytest.mark.parametrize("radius", ["150", "1700", ""])
def test_a_radius_outside_200_to_1600_m_is_refused(owner_client: Client, radius: str) -> None:
    response = owner_client.post(PAGE, {**HOME, "radius_m": radius})
    assert response.status_code == 200
    assert not PrivacyZone.objects.exists()
    assert 'class="errors"' in response.content.decode()


def test_a_latitude_beyond_90_is_refused(owner_client: Client) -> None:
    owner_client.post(PAGE, {**HOME, "lat": "91"})
    assert not PrivacyZone.objects.exists()


def test_the_page_lists_the_zones_and_works_without_map_tiles(
    owner_client: Client, owner: User, settings: Settings
) -> None:
    settings.MAP_TILE_URL = ""
    add_zone(owner=owner, label="Work", lat=34.08, lon=74.79, radius_m=600)
    html = owner_client.get(PAGE).content.decode()
    assert "Work" in html and "600 m around 34.08000, 74.79000" in html
    assert 'id="id_lat"' in html and 'id="zones-map"' in html
    assert '"url": ""' in html  # the map draws the circles on no tiles


def test_someone_else_sees_none_of_her_zones(owner: User, stranger: User) -> None:
    zone = add_zone(owner=owner, label="Home", lat=34.2077, lon=74.3425, radius_m=400)
    client = browser_of(stranger)
    html = client.get(PAGE).content.decode()
    assert "34.2077" not in html and "No zones yet" in html
    assert client.get(f"{PAGE}{zone.pk}/").status_code == 404
    assert client.post(f"{PAGE}{zone.pk}/delete/").status_code == 404
    assert PrivacyZone.objects.filter(pk=zone.pk).exists()


def test_editing_the_label_keeps_the_circle_and_moving_the_point_draws_it_again(
    owner_client: Client, owner: User
) -> None:
    zone = add_zone(owner=owner, label="Home", lat=34.2011, lon=74.3425, radius_m=400)
    drawn = (zone.drawn_lat, zone.drawn_lon, zone.drawn_radius_m)

    owner_client.post(
        f"{PAGE}{zone.pk}/", {**HOME, "label": "Flat", "lat": "34.2011", "lon": "74.3425"}
    )
    zone.refresh_from_db()
    assert zone.label == "Flat" and (zone.drawn_lat, zone.drawn_lon, zone.drawn_radius_m) == drawn

    owner_client.post(f"{PAGE}{zone.pk}/", {**HOME, "lat": "34.2111"})
    zone.refresh_from_db()
    assert zone.lat == 34.2111 and (zone.drawn_lat, zone.drawn_lon) != drawn[:2]


def test_deleting_a_zone_asks_first(owner_client: Client, owner: User) -> None:
    zone = add_zone(owner=owner, label="Home", lat=34.2011, lon=74.3425, radius_m=400)
    assert (
        "Delete this privacy zone?" in owner_client.get(f"{PAGE}{zone.pk}/delete/").content.decode()
    )
    owner_client.post(f"{PAGE}{zone.pk}/delete/")
    assert not PrivacyZone.objects.exists()


def test_hide_the_ends_can_be_switched_off_and_on(owner_client: Client, owner: User) -> None:
    owner_client.post(f"{PAGE}ends/", {})
    owner.refresh_from_db()
    assert owner.hide_ends is False
    owner_client.post(f"{PAGE}ends/", {"hide_ends": "on"})
    owner.refresh_from_db()
    assert owner.hide_ends is True


def test_no_more_than_ten_zones(owner_client: Client, owner: User) -> None:
    for n in range(MAX_ZONES):
        add_zone(owner=owner, lat=34 + n / 10, lon=74.0, radius_m=300)
    html = owner_client.get(PAGE).content.decode()
    assert "delete one to add another" in html
    owner_client.post(PAGE, HOME)
    assert PrivacyZone.objects.filter(owner=owner).count() == MAX_ZONES

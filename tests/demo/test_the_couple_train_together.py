"""The demo's people half: the couple are partners with friends around them, their hill
run and holiday ride are each one outing found by detection and accepted, Anil (no
device) was tagged on a run, and each of them sees Meera's profile as far as she lets
them."""

from __future__ import annotations

import re

import numpy as np
import pytest
from django.test import Client

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.activities.templatetags.units import distance
from saathi.demo.chapters import HER, HIM
from saathi.demo.friends import ANIL, DEV, FRIENDS_PASSWORD, HOME_RADIUS_M, NIKHIL, ROHAN, SUNITA
from saathi.demo.routes import LONAVLA
from saathi.people.circles import Relation, relation
from saathi.people.models import Follow
from saathi.together.figures import between
from saathi.together.models import Answer, Membership, Suggestion, Tag
from saathi.tracks.geo import haversine_m
from saathi.units import Units
from tests.people import browser_of


def person(handle: str) -> User:
    return User.objects.get(handle=handle)


def page_text(viewer: User, url: str) -> tuple[int, str]:
    response = browser_of(viewer).get(url)
    return response.status_code, " ".join(response.content.decode().split())


def test_they_are_partners_among_followers_a_request_and_a_block(small_demo: list[str]) -> None:
    meera, kabir = person(HER.handle), person(HIM.handle)
    assert relation(kabir, meera) is Relation.PARTNER
    assert relation(person(SUNITA.handle), meera) is Relation.FOLLOWER
    assert relation(person(ROHAN.handle), kabir) is Relation.FOLLOWER
    assert relation(person(ROHAN.handle), meera) is Relation.SIGNED_IN
    assert relation(person(DEV.handle), meera) is Relation.SIGNED_IN
    assert Follow.objects.filter(
        follower__handle=DEV.handle, followed=meera, accepted=False
    ).exists()
    assert relation(person(NIKHIL.handle), meera) is Relation.BLOCKED
    assert all(p.privacy_zones.count() == 1 for p in (meera, kabir))


def test_each_friend_logs_in_with_the_password_the_loader_prints(small_demo: list[str]) -> None:
    assert any(FRIENDS_PASSWORD in line and "rohan" in line for line in small_demo)
    for friend in (ANIL, SUNITA, ROHAN, DEV, NIKHIL):
        assert Client().login(username=friend.handle, password=FRIENDS_PASSWORD)
    assert not Client().login(username=ROHAN.handle, password=HER.password)


@pytest.mark.parametrize("title", ["Khopoli to Lonavla", "Baramulla to Uri"])
def test_each_big_day_is_one_outing_found_by_detection_and_accepted(
    small_demo: list[str], title: str
) -> None:
    his = Activity.objects.get(owner__handle=HIM.handle, title=title)
    hers = Activity.objects.get(owner__handle=HER.handle, title=title)
    assert his.membership.outing_id == hers.membership.outing_id
    suggestion = Suggestion.objects.get(first__in=[his, hers], second__in=[his, hers])
    assert suggestion.share > 0.9
    assert (suggestion.first_answer, suggestion.second_answer) == (Answer.YES, Answer.YES)


def test_only_the_two_big_days_are_outings_of_the_couple(small_demo: list[str]) -> None:
    couple = Membership.objects.filter(activity__owner__handle__in=[HIM.handle, HER.handle])
    outings = set(couple.values_list("outing", flat=True))
    assert len(outings) == 3  # the hill run, the holiday ride, and his run with Anil
    assert any("Found 2 outings" in line for line in small_demo)


def test_anil_was_tagged_on_a_run_and_has_it_as_his_own(small_demo: list[str]) -> None:
    # His own runs he writes down by hand (demo/talk.py); this one came with the tag.
    (his,) = Activity.objects.filter(owner__handle=ANIL.handle, made_by_tag__isnull=False)
    kabirs = Activity.objects.get(
        membership__outing=his.membership.outing, owner__handle=HIM.handle
    )
    assert his.distance_m == pytest.approx(kabirs.distance_m, rel=0.001)
    assert his.sport == "run" and Tag.objects.get(made=his).activity == kabirs


def test_meeras_profile_as_kabir_sees_it_tells_what_they_did_together(
    small_demo: list[str],
) -> None:
    meera, kabir = person(HER.handle), person(HIM.handle)
    together = between(kabir, meera)
    assert together is not None and together.outings == 2
    assert 80_000 <= together.distance_m <= 90_000  # 20 km up the ghat, 65 in the valley
    code, html = page_text(kabir, f"/people/{meera.handle}/")
    assert code == 200
    shown = " ".join(str(distance(together.distance_m, Units.METRIC)).split())
    assert f'Together</h2> <p class="together-line"><strong>2 outings</strong>, {shown}' in html
    code, html = page_text(kabir, f"/people/{meera.handle}/together/")
    assert code == 200 and "Baramulla to Uri" in html


def test_a_stranger_sees_only_what_she_made_public(small_demo: list[str]) -> None:
    meera = person(HER.handle)
    code, html = page_text(person(ROHAN.handle), f"/people/{meera.handle}/")
    assert code == 200
    assert "Baramulla to Uri" in html
    assert "Khopoli to Lonavla" not in html and "Together" not in html
    private = Activity.objects.filter(owner=meera).exclude(visibility="public")
    assert private.exists()
    for activity in private[:5]:
        assert page_text(person(ROHAN.handle), f"/activities/{activity.pk}/")[0] == 404


def test_the_person_she_blocked_finds_nothing_of_her(small_demo: list[str]) -> None:
    meera = person(HER.handle)
    ride = Activity.objects.get(owner=meera, title="Baramulla to Uri")
    for url in (f"/people/{meera.handle}/", f"/activities/{ride.pk}/"):
        assert page_text(person(NIKHIL.handle), url)[0] == 404


def test_their_followers_never_see_their_home(small_demo: list[str]) -> None:
    """Every run and ride from home, as Sunita (who follows both) may download it,
    starts and ends outside the 400 m round the house (a long ride passes it halfway,
    and a passage is not hidden)."""
    sunita = person(SUNITA.handle)
    runs = Activity.objects.map_visible_to(sunita).filter(
        owner__handle__in=[HIM.handle, HER.handle], has_map=True
    )
    assert runs.count() >= 4
    for run in runs:
        response = browser_of(sunita).get(f"/activities/{run.pk}/gpx/")
        assert response.status_code == 200
        gpx = response.content.decode()
        lat = np.array([float(v) for v in _attr(gpx, "lat")])
        lon = np.array([float(v) for v in _attr(gpx, "lon")])
        assert lat.size > 10
        ends = haversine_m(LONAVLA[0], LONAVLA[1], lat[[0, -1]], lon[[0, -1]])
        assert ends.min() > HOME_RADIUS_M


def _attr(xml: str, name: str) -> list[str]:
    return re.findall(rf'<trkpt[^>]* {name}="([-0-9.]+)"', xml)

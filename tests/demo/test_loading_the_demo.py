"""`saathi demo` loads the couple once, through the import pipeline, and says how to log in."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from saathi.accounts.models import User
from saathi.activities.models import Activity, ImportJob, JobState, Source
from saathi.demo.chapters import COUPLE, HER, HIM
from tests.demo.loading import load_small_demo


def test_both_of_them_get_their_activities_from_imported_files(small_demo: list[str]) -> None:
    for person in COUPLE:
        user = User.objects.get(handle=person.handle)
        assert user.time_zone == "Asia/Kolkata" and user.units == "metric"
        assert user.max_hr == person.athlete.max_hr
        files = Activity.objects.filter(owner=user, source=Source.FILE)
        jobs = ImportJob.objects.filter(owner=user)
        assert files.count() >= 4
        assert jobs.count() == files.count()
        assert set(jobs.values_list("state", flat=True)) == {JobState.DONE}
        assert set(files.values_list("file_format", flat=True)) == {person.device}


def test_the_holiday_ride_is_titled_by_the_engine_and_is_65_km(small_demo: list[str]) -> None:
    for person in COUPLE:
        ride = Activity.objects.get(owner__handle=person.handle, title="Baramulla to Uri")
        assert ride.sport == "ride"
        assert ride.distance_m == pytest.approx(65_000, rel=0.02)
        assert (ride.start_place, ride.end_place) == ("Baramulla", "Uri")


def test_the_hill_run_is_recorded_by_both_together(small_demo: list[str]) -> None:
    his = Activity.objects.get(owner__handle=HIM.handle, title="Khopoli to Lonavla")
    hers = Activity.objects.get(owner__handle=HER.handle, title="Khopoli to Lonavla")
    assert abs((hers.start_time - his.start_time).total_seconds()) < 30
    assert his.distance_m == pytest.approx(20_000, rel=0.02)
    assert hers.distance_m == pytest.approx(20_000, rel=0.02)
    assert his.device != hers.device
    assert (his.ascent_m or 0) > 450


def test_he_does_his_sun_salutations_most_mornings(small_demo: list[str]) -> None:
    yoga = Activity.objects.filter(owner__handle=HIM.handle, sport="yoga")
    assert yoga.count() >= 14
    assert all(360 <= entry.elapsed_s <= 480 for entry in yoga)
    assert all(entry.source == Source.MANUAL for entry in yoga)


def test_loading_it_twice_loads_nothing_twice(small_demo: list[str]) -> None:
    before = Activity.objects.count(), ImportJob.objects.count(), User.objects.count()
    lines: list[str] = []
    loaded = load_small_demo(lines)
    assert loaded.already and loaded.files == 0
    assert (Activity.objects.count(), ImportJob.objects.count(), User.objects.count()) == before
    assert any("already loaded" in line for line in lines)


def test_the_printed_logins_work(small_demo: list[str], client: Client) -> None:
    logins = [re.search(r"^\s+(\w+) \(or (\S+)\)\s+password: (\S+)$", line) for line in small_demo]
    found = [match.groups() for match in logins if match]
    assert [handle for handle, _, _ in found] == [person.handle for person in COUPLE]
    for handle, email, password in found:
        for typed in (handle, email):
            response = client.post("/accounts/login/", {"username": typed, "password": password})
            assert response.status_code == 302, typed
            assert client.session["_auth_user_id"] == str(User.objects.get(handle=handle).pk)
            client.logout()

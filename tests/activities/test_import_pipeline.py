"""Every real file in the shared test data becomes an activity with sane figures."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from saathi.accounts.models import User
from saathi.activities.imports import Upload, import_file, import_inline
from saathi.activities.models import Activity, JobState
from saathi.activities.sports import Sport
from tests.paths import REAL_FILES, TESTDATA, file_id


def reference(path: str, scope: str = "fit_session[0]") -> dict[str, str]:
    with (TESTDATA / "REFERENCE.tsv").open() as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["file"].endswith(path) and row["scope"].startswith(scope):
                return row
    raise LookupError(path)


@pytest.mark.parametrize("path", REAL_FILES, ids=file_id)
def test_a_real_file_imports_with_sane_figures(owner: User, path: Path) -> None:
    (job,) = import_inline(owner=owner, name=path.name, data=path.read_bytes())

    assert job.state == JobState.DONE, job.error
    activity = job.activity
    assert activity is not None
    assert activity.points > 1
    assert activity.streams.points == activity.points
    assert activity.title
    assert activity.sport in Sport.values
    assert 1990 <= activity.start_time.year <= 2026
    assert activity.timezone
    assert activity.elapsed_s is None or 0 < activity.elapsed_s < 7 * 86400
    if activity.distance_m is not None:
        assert 0 <= activity.distance_m < 1_000_000
    if activity.avg_hr is not None:
        assert 30 < activity.avg_hr < 230
    if activity.has_map and activity.visible_first is not None:
        assert activity.start_lat is not None and -90 <= activity.start_lat <= 90
    assert len(activity.streams.load()) == activity.points


def test_device_totals_are_the_headline_and_saathis_are_kept_beside_them(owner: User) -> None:
    path = TESTDATA / "fit" / "4078723797.fit"
    expected = reference("fit/4078723797.fit")

    activity = import_file(owner=owner, upload=Upload(path.name, path.read_bytes()))

    assert activity.distance_m == pytest.approx(float(expected["total_distance_m"]), abs=0.01)
    assert activity.timer_s == pytest.approx(float(expected["total_timer_time_s"]), abs=0.01)
    assert activity.figure_source("distance_m") == "device"
    assert activity.device_totals is not None
    computed = activity.computed_totals["distance_m"]
    # Saathi's own distance is within 1 % of the device's (the bound in docs/accuracy.md).
    assert computed == pytest.approx(activity.distance_m, rel=0.01)
    assert activity.sport == Sport.RIDE or activity.sport in Sport.values


def test_a_gpx_file_without_totals_headlines_saathis_figures(owner: User) -> None:
    path = TESTDATA / "gpx" / "activity_4078723797.gpx"

    activity = import_file(owner=owner, upload=Upload(path.name, path.read_bytes()))

    assert activity.device_totals is None
    assert activity.figure_source("distance_m") == "saathi"
    assert activity.distance_m == activity.computed_totals["distance_m"]
    assert activity.has_map and activity.start_place and activity.end_place


def test_the_time_zone_and_local_date_come_from_the_start_point(owner: User) -> None:
    path = TESTDATA / "gpx" / "korita-zbevnica.gpx"

    activity = import_file(owner=owner, upload=Upload(path.name, path.read_bytes()))

    # Korita and Zbevnica are villages in Slovenia and Croatia, near Ljubljana/Rijeka.
    assert activity.timezone in {"Europe/Ljubljana", "Europe/Zagreb"}
    local = activity.start_time.astimezone(activity.local_start.tzinfo)
    assert activity.local_date == local.date()


def test_the_files_sport_becomes_the_activity_sport(owner: User) -> None:
    yoga_free = {p.name: p for p in REAL_FILES}
    ride = yoga_free["Edge810-Vector-2013-08-16-15-35-10.fit"]

    activity = import_file(owner=owner, upload=Upload(ride.name, ride.read_bytes()))

    assert activity.sport == Sport.RIDE
    assert activity.has_power
    assert activity.power_curve


def test_laps_splits_and_best_efforts_are_stored_for_a_run(owner: User) -> None:
    run = TESTDATA / "fit" / "garmin-stamina.fit"  # an 11 km run

    activity = import_file(owner=owner, upload=Upload(run.name, run.read_bytes()))
    stored = Activity.objects.get(pk=activity.pk)

    assert stored.sport == Sport.RUN
    assert stored.laps and all(lap["totals"]["timer_s"] for lap in stored.laps)
    whole_km = int(stored.computed_totals["distance_m"] // 1000)
    assert len([s for s in stored.splits_km if not s["partial"]]) == whole_km
    assert stored.splits_km[-1]["partial"]
    # 10 km fits in 11 km, 15 km does not; a longer distance never takes less time.
    assert "10k" in stored.best_efforts and "15k" not in stored.best_efforts
    assert stored.best_efforts["5k"] < stored.best_efforts["10k"]

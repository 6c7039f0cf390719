"""What the owner may change after an import, and what follows from the change."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from saathi.accounts.models import User
from saathi.activities.changes import edit_activity
from saathi.activities.imports import Upload, import_file
from saathi.activities.models import Activity, Visibility
from saathi.activities.sports import Sport
from tests.paths import TESTDATA

RUN = TESTDATA / "fit" / "garmin-stamina.fit"  # an 11 km run


def imported_run(owner: User) -> Activity:
    return import_file(owner=owner, upload=Upload(RUN.name, RUN.read_bytes()))


def test_calling_a_run_a_ride_drops_its_best_efforts_and_calling_it_a_run_restores_them(
    owner: User,
) -> None:
    run = imported_run(owner)
    efforts = dict(run.best_efforts)
    assert efforts  # best efforts are for foot sports only (ALGORITHMS.md)

    edit_activity(run, sport=Sport.RIDE)
    assert Activity.objects.get().best_efforts == {}

    edit_activity(run, sport=Sport.RUN)
    stored = Activity.objects.get()
    assert stored.best_efforts == pytest.approx(efforts)
    assert stored.distance_m == pytest.approx(run.computed_totals["distance_m"])


def test_the_owner_can_retitle_describe_and_share_it(owner: User) -> None:
    run = imported_run(owner)

    edit_activity(
        run, title="Friday by the river", description="Easy.", visibility=Visibility.PUBLIC
    )

    stored = Activity.objects.get()
    assert (stored.title, stored.description) == ("Friday by the river", "Easy.")
    assert stored.visibility == Visibility.PUBLIC


@pytest.mark.parametrize(
    "change",
    [{"sport": "curling"}, {"visibility": "club"}, {"perceived_effort": 12}, {"title": ""}],
)
def test_a_bad_value_is_refused_and_nothing_changes(owner: User, change: dict[str, object]) -> None:
    run = imported_run(owner)
    before = Activity.objects.values().get()

    with pytest.raises(ValidationError):
        edit_activity(run, **change)

    assert Activity.objects.values().get() == before

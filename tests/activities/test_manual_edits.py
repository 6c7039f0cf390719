"""Correcting the figures of a manual entry."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.core.exceptions import ValidationError

from saathi.accounts.models import User
from saathi.activities.imports import Upload, import_file
from saathi.activities.manual import create_manual_activity, edit_manual_figures
from saathi.activities.models import Activity
from tests.paths import TESTDATA


def test_a_corrected_duration_and_distance_replace_what_was_typed(owner: User) -> None:
    ride = create_manual_activity(
        owner=owner, sport="ride", start=datetime(2026, 4, 1, 7, 0), duration_s=3600
    )

    edit_manual_figures(ride, duration_s=5400, distance_m=45_000, ascent_m=400)

    stored = Activity.objects.get()
    assert (stored.moving_s, stored.distance_m, stored.ascent_m) == (5400, 45_000, 400)
    assert stored.avg_speed_mps == pytest.approx(45_000 / 5400)
    # Cycling, general: 7.0 MET x 70 kg x 1.5 h.
    assert stored.calories == pytest.approx(735.0)


def test_an_impossible_correction_is_refused(owner: User) -> None:
    walk = create_manual_activity(
        owner=owner, sport="walk", start=datetime(2026, 4, 1, 7, 0), duration_s=3600
    )

    with pytest.raises(ValidationError) as refused:
        edit_manual_figures(walk, duration_s=3600, distance_m=60_000)

    assert "distance_m" in refused.value.message_dict
    assert Activity.objects.get().distance_m is None


def test_an_imported_activitys_figures_cannot_be_typed_over(owner: User) -> None:
    path = TESTDATA / "gpx" / "run_gpxtpx.gpx"
    activity = import_file(owner=owner, upload=Upload(path.name, path.read_bytes()))

    with pytest.raises(ValueError):
        edit_manual_figures(activity, duration_s=60)

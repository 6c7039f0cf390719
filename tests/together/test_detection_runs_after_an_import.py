"""Detection runs in the worker once an import has committed, never inside it: the
journal announces each new recording (activities/after_import.py) and together's task
looks for companions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from saathi.accounts.models import User
from saathi.activities.imports import import_inline
from saathi.together.models import Footprint, OutingToken, Suggestion
from tests.together.recordings import gpx, loop_run
from tests.tracks.outing_cases import T0

pytestmark = pytest.mark.django_db


def test_an_import_suggests_the_partner_who_ran_with_her(
    owner: User, partner: User, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        import_inline(owner=owner, name="mine.gpx", data=gpx(loop_run(seed=1)))
    assert Footprint.objects.filter(owner=owner).exists()
    assert OutingToken.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        import_inline(owner=partner, name="hers.gpx", data=gpx(loop_run(start=T0 + 20, seed=2)))
    assert Suggestion.objects.count() == 1


def test_nothing_is_looked_for_until_the_import_commits(
    owner: User, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        import_inline(owner=owner, name="mine.gpx", data=gpx(loop_run(seed=1)))
    assert not Footprint.objects.exists()
    assert len(callbacks) >= 1

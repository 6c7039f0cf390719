"""The same file from the same person is recognised by its hash, not imported twice."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.activities.imports import Duplicate, Upload, import_file, import_inline
from saathi.activities.models import Activity, JobState
from tests.paths import TESTDATA

RIDE = TESTDATA / "fit" / "Edge810-Vector-2013-08-16-15-35-10.fit"


def test_a_second_upload_of_the_same_file_is_a_duplicate_of_the_first(owner: User) -> None:
    (first,) = import_inline(owner=owner, name=RIDE.name, data=RIDE.read_bytes())
    (second,) = import_inline(owner=owner, name="renamed.fit", data=RIDE.read_bytes())

    assert first.state == JobState.DONE
    assert second.state == JobState.DUPLICATE
    assert second.duplicate_of == first.activity
    assert second.activity is None
    assert Activity.objects.count() == 1
    # Its bytes are kept like any upload's.
    assert second.read_original() == RIDE.read_bytes()


def test_one_changed_byte_is_a_different_file(owner: User) -> None:
    data = (TESTDATA / "gpx" / "run_gpxtpx.gpx").read_bytes()
    import_inline(owner=owner, name="a.gpx", data=data)

    (job,) = import_inline(owner=owner, name="b.gpx", data=data.replace(b"<trk>", b"<trk> ", 1))

    assert job.state == JobState.DONE
    assert Activity.objects.count() == 2


def test_the_same_file_from_two_people_is_two_activities(owner: User, stranger: User) -> None:
    import_inline(owner=owner, name=RIDE.name, data=RIDE.read_bytes())
    (theirs,) = import_inline(owner=stranger, name=RIDE.name, data=RIDE.read_bytes())

    assert theirs.state == JobState.DONE
    assert Activity.objects.count() == 2


def test_a_race_between_two_workers_ends_in_a_duplicate_not_two_activities(
    owner: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = import_file(owner=owner, upload=Upload(RIDE.name, RIDE.read_bytes()))
    # The second worker checked before the first one's insert: its check found nothing.
    real_filter = Activity.objects.filter
    calls = {"n": 0}

    def filter_missing_once(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        found = real_filter(*args, **kwargs)
        return found.none() if calls["n"] == 1 else found

    monkeypatch.setattr(Activity.objects, "filter", filter_missing_once)

    with pytest.raises(Duplicate) as duplicate:
        import_file(owner=owner, upload=Upload(RIDE.name, RIDE.read_bytes()))

    assert duplicate.value.existing == first
    assert real_filter(owner=owner).count() == 1


def test_after_deleting_the_activity_the_file_imports_again(owner: User) -> None:
    (first,) = import_inline(owner=owner, name=RIDE.name, data=RIDE.read_bytes())
    assert first.activity is not None
    first.activity.delete()

    (again,) = import_inline(owner=owner, name=RIDE.name, data=RIDE.read_bytes())

    assert again.state == JobState.DONE

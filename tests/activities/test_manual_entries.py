"""Activities entered by hand: what is needed, what is refused, and what is filled in."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from saathi.accounts.models import User
from saathi.activities.changes import edit_activity
from saathi.activities.manual import create_manual_activity
from saathi.activities.models import Activity, Source, Visibility


def test_a_morning_yoga_entry_needs_no_distance_and_is_titled_by_time_of_day(
    owner: User,
) -> None:
    # 06:10 in Asia/Kolkata (the owner's home zone) is 00:40 UTC the same day.
    yoga = create_manual_activity(
        owner=owner, sport="yoga", start=datetime(2026, 3, 2, 6, 10), duration_s=7 * 60
    )

    yoga.refresh_from_db()
    assert yoga.title == "Morning yoga"
    assert yoga.source == Source.MANUAL
    assert yoga.start_time == datetime(2026, 3, 2, 0, 40, tzinfo=UTC)
    assert yoga.timezone == "Asia/Kolkata"
    assert yoga.local_date == date(2026, 3, 2)
    assert yoga.distance_m is None
    assert yoga.moving_s == yoga.elapsed_s == 420
    # A new person's default for new activities: followers, and their maps too.
    assert (yoga.visibility, yoga.map_visibility) == (Visibility.FOLLOWERS, Visibility.FOLLOWERS)
    assert yoga.figure_source("moving_s") == "manual"


def test_calories_come_from_the_compendium_met(owner: User) -> None:
    # Hatha yoga is 2.3 MET; with no weight known Saathi assumes 70 kg:
    # 2.3 * 70 kg * 0.5 h = 80.5 kcal.
    yoga = create_manual_activity(
        owner=owner, sport="yoga", start=datetime(2026, 3, 2, 6, 10), duration_s=1800
    )
    assert yoga.calories == pytest.approx(80.5)


def test_just_after_local_midnight_belongs_to_the_local_day(owner: User) -> None:
    # 00:20 on 3 March in Kolkata is still 2 March in UTC.
    entry = create_manual_activity(
        owner=owner, sport="strength", start=datetime(2026, 3, 3, 0, 20), duration_s=1800
    )
    assert entry.start_time.date() == date(2026, 3, 2)
    assert entry.local_date == date(2026, 3, 3)
    assert entry.title == "Night strength training"


def test_an_aware_start_keeps_its_own_zone(owner: User) -> None:
    start = datetime(2026, 7, 1, 18, 0, tzinfo=ZoneInfo("Europe/Paris"))
    ride = create_manual_activity(
        owner=owner,
        sport="ride",
        start=start,
        duration_s=3600,
        distance_m=25_000,
        ascent_m=300,
        title="  Commute home ",
        perceived_effort=4,
    )
    assert ride.timezone == "Europe/Paris"
    assert ride.start_time == start
    assert ride.title == "Commute home"
    assert ride.avg_speed_mps == pytest.approx(25_000 / 3600)
    assert ride.perceived_effort == 4


def test_a_ride_may_leave_out_its_distance(owner: User) -> None:
    ride = create_manual_activity(
        owner=owner, sport="ride", start=datetime(2026, 3, 2, 17, 0), duration_s=3600
    )
    assert ride.distance_m is None
    assert ride.title == "Evening ride"


@pytest.mark.parametrize(
    ("fields", "bad_field", "words"),
    [
        ({"duration_s": 0}, "duration_s", "more than zero"),
        ({"duration_s": -60}, "duration_s", "more than zero"),
        ({"duration_s": 8 * 86400}, "duration_s", "longer than a week"),
        ({"distance_m": -5}, "distance_m", "negative"),
        # 100 km of running in an hour: metres typed where kilometres were meant.
        ({"sport": "run", "distance_m": 100_000}, "distance_m", "faster than anyone"),
        ({"ascent_m": -1}, "ascent_m", "negative"),
        ({"ascent_m": 5000}, "ascent_m", "beyond any record"),
        ({"sport": "curling"}, "sport", "not a sport"),
        ({"perceived_effort": 11}, "perceived_effort", "10"),
        ({"perceived_effort": 0}, "perceived_effort", "1"),
        ({"start": datetime(2099, 1, 1, 6, 0)}, "start", "future"),
    ],
)
def test_it_refuses_impossible_entries_naming_the_field(
    owner: User, fields: dict[str, object], bad_field: str, words: str
) -> None:
    entry: dict[str, object] = {
        "sport": "hike",
        "start": datetime(2026, 3, 2, 7, 0),
        "duration_s": 3600,
        **fields,
    }
    with pytest.raises(ValidationError) as refused:
        create_manual_activity(owner=owner, **entry)  # type: ignore[arg-type]

    assert words in " ".join(refused.value.message_dict[bad_field])
    assert not Activity.objects.exists()


def test_editing_the_time_zone_moves_the_local_date(owner: User) -> None:
    entry = create_manual_activity(
        owner=owner, sport="run", start=datetime(2026, 3, 3, 0, 20), duration_s=1800
    )
    edit_activity(entry, timezone="Europe/London", title="Midnight run")
    entry.refresh_from_db()
    assert entry.local_date == date(2026, 3, 2)
    assert entry.title == "Midnight run"


def test_an_edit_refuses_an_unknown_zone_and_figures(owner: User) -> None:
    entry = create_manual_activity(
        owner=owner, sport="run", start=datetime(2026, 3, 3, 6, 0), duration_s=1800
    )
    with pytest.raises(ValidationError):
        edit_activity(entry, timezone="Mars/Olympus_Mons")
    with pytest.raises(TypeError):
        edit_activity(entry, distance_m=5)
    assert Activity.objects.get().timezone == "Asia/Kolkata"

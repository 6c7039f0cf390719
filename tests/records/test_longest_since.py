""" "Longest ride since <date>": the longest in at least three months, but not ever,
counted on local dates."""

from __future__ import annotations

from saathi.accounts.models import User
from saathi.records.models import Kind
from tests.activities.pages import text_of
from tests.people import browser_of
from tests.records.history import entry, milestones_of


def test_the_longest_in_three_months_names_the_last_time_as_long(owner: User) -> None:
    entry(owner, "2025-01-05 07:00", km=50)
    entry(owner, "2025-02-10 07:00", km=20)
    back = entry(owner, "2025-05-10 07:00", km=30)

    [since] = milestones_of(back)[Kind.LONGEST_SINCE]
    assert (since.previous_value, str(since.previous_date)) == (50000, "2025-01-05")
    assert Kind.LONGEST not in milestones_of(back)
    page = text_of(browser_of(owner).get(f"/activities/{back.pk}/").content.decode())
    assert "30.0 km — longest ride since 5 Jan" in page


def test_less_than_three_months_after_a_longer_ride_is_no_milestone(owner: User) -> None:
    entry(owner, "2025-01-05 07:00", km=50)
    close = entry(owner, "2025-03-30 07:00", km=45)

    assert set(milestones_of(close)) == set()


def test_a_longest_ever_is_longest_so_far_not_longest_since(owner: User) -> None:
    entry(owner, "2025-01-05 07:00", km=50)
    ever = entry(owner, "2025-06-05 07:00", km=55)

    assert set(milestones_of(ever)) == {Kind.LONGEST}


def test_three_months_are_counted_on_the_activities_local_dates(owner: User) -> None:
    # 00:30 on 1 May in Kolkata is still 30 April in UTC: by UTC dates this would be a
    # day short of three months after 1 February.
    entry(owner, "2025-02-01 10:00", km=50)
    entry(owner, "2025-03-01 10:00", km=10)
    after_midnight = entry(owner, "2025-05-01 00:30", km=30)
    assert after_midnight.start_time.date().isoformat() == "2025-04-30"

    assert Kind.LONGEST_SINCE in milestones_of(after_midnight)


def test_a_reference_just_after_local_midnight_is_on_its_local_day(owner: User) -> None:
    # 00:30 on 2 February in Kolkata is 1 February in UTC; 1 May is then a day short
    # of three months after it.
    entry(owner, "2025-02-02 00:30", km=50)
    close = entry(owner, "2025-05-01 10:00", km=30)

    assert Kind.LONGEST_SINCE not in milestones_of(close)


def test_yoga_is_longest_by_time(owner: User) -> None:
    entry(owner, "2025-01-05 06:00", sport="yoga", minutes=45)
    entry(owner, "2025-02-05 06:00", sport="yoga", minutes=7)
    longer = entry(owner, "2025-06-05 06:00", sport="yoga", minutes=30)

    page = text_of(browser_of(owner).get(f"/activities/{longer.pk}/").content.decode())
    assert "30:00 — longest yoga session since 5 Jan" in page

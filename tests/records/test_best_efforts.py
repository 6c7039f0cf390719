"""A faster run sets new best efforts, each with the time it beat; a slower one none."""

from __future__ import annotations

from saathi.accounts.models import User
from saathi.records.models import Kind, Record
from saathi.units import duration_text
from tests.activities.pages import text_of
from tests.people import browser_of
from tests.records.history import imported_run, milestones_of


def test_a_faster_run_shows_its_new_best_times_with_the_old_ones(owner: User) -> None:
    slow = imported_run(owner, 5.3, "2025-03-01 06:00", speed=3.2)
    fast = imported_run(owner, 5.3, "2025-03-08 06:00", speed=3.6)
    assert slow.best_efforts["5k"] > fast.best_efforts["5k"]

    efforts = {m.measure: m for m in milestones_of(fast)[Kind.BEST_EFFORT]}
    assert set(efforts) == {f"effort:{name}" for name in fast.best_efforts}
    five = efforts["effort:5k"]
    assert (five.value, five.previous_value) == (fast.best_efforts["5k"], slow.best_efforts["5k"])
    page = text_of(browser_of(owner).get(f"/activities/{fast.pk}/").content.decode())
    new, old = duration_text(fast.best_efforts["5k"]), duration_text(slow.best_efforts["5k"])
    assert f"5k in {new} — best so far, previous {old} on 1 Mar" in page


def test_a_slower_run_sets_no_best_effort(owner: User) -> None:
    imported_run(owner, 5.3, "2025-03-01 06:00", speed=3.6)
    slow = imported_run(owner, 5.3, "2025-03-08 06:00", speed=3.2)

    assert Kind.BEST_EFFORT not in milestones_of(slow)
    assert not Record.objects.filter(activity=slow, measure__startswith="effort:").exists()


def test_a_longer_run_sets_the_distances_the_shorter_never_reached(owner: User) -> None:
    imported_run(owner, 5.3, "2025-03-01 06:00", speed=3.6)
    longer = imported_run(owner, 10.5, "2025-03-08 06:00", speed=3.0)

    held = set(Record.objects.filter(activity=longer).values_list("measure", flat=True))
    assert {"effort:10k", "effort:15k"} & held == {"effort:10k"}
    # A first 10k beats nothing: a record, but not a "best so far" badge.
    assert "effort:10k" not in {m.measure for m in milestones_of(longer).get(Kind.BEST_EFFORT, [])}


def test_the_list_shows_three_badges_and_says_how_many_more(owner: User) -> None:
    imported_run(owner, 5.3, "2025-03-01 06:00", speed=3.2)
    fast = imported_run(owner, 5.3, "2025-03-08 06:00", speed=3.6)
    count = sum(len(found) for found in milestones_of(fast).values())
    assert len(milestones_of(fast)[Kind.BEST_EFFORT]) > 3

    page = text_of(browser_of(owner).get("/activities/").content.decode())

    assert f"and {count - 3} more" in page
    assert "5k in" not in page  # the longest distance comes last
    page = text_of(browser_of(owner).get(f"/activities/{fast.pk}/").content.decode())
    assert "5k in" in page and "more" not in page

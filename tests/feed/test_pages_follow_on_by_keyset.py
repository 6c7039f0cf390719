"""The feed's pages: by keyset (time, id), never by offset, so that activities sharing a
start time are neither repeated nor lost at a page boundary, and a new activity at the top
does not shift the next page. "Load more" by htmx gets only the next entries and the next
button; without JavaScript the same link opens the whole page from there."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.feed import page
from tests.feed.entries import MORNING, entry_ids, every_page, feed_of, next_link, run

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(page, "PAGE_SIZE", 3)


def _newest_first(owner: User) -> list[int]:
    rows = Activity.objects.filter(owner=owner).order_by("-start_time", "-pk")
    return list(rows.values_list("pk", flat=True))


def test_runs_that_started_in_the_same_second_are_each_shown_once(
    owner: User, partner: User, three_a_page: None
) -> None:
    # Seven runs at the very same second, across pages of three, between others.
    run(owner, minutes_after=-10)
    for n in range(7):
        run(owner, at=MORNING, title=f"Same second {n}")
    run(owner, minutes_after=10)
    pages = every_page(owner)
    shown = [pk for one in pages for pk in one]
    assert shown == _newest_first(owner)
    assert len(shown) == len(set(shown)) == 9
    assert [len(one) for one in pages] == [3, 3, 3]


def test_a_new_activity_at_the_top_does_not_shift_the_next_page(
    owner: User, three_a_page: None
) -> None:
    for n in range(6):
        run(owner, minutes_after=n)
    first = feed_of(owner)
    link = next_link(first)
    assert link is not None
    run(owner, minutes_after=60)  # a new one, newest of all
    second = entry_ids(feed_of(owner, link))
    assert second == _newest_first(owner)[4:7]
    assert not set(second) & set(entry_ids(first))


def test_load_more_by_htmx_returns_the_next_entries_and_button_only(
    owner: User, three_a_page: None
) -> None:
    for n in range(7):
        run(owner, minutes_after=n)
    link = next_link(feed_of(owner))
    assert link is not None
    partial = feed_of(owner, link, HX_Request="true")
    assert "<html" not in partial and "This week" not in partial
    assert partial.lstrip().startswith("<li")
    assert len(entry_ids(partial)) == 3
    assert next_link(partial) is not None
    assert 'hx-target="closest li"' in partial


def test_without_javascript_the_link_opens_the_whole_page_from_there(
    owner: User, three_a_page: None
) -> None:
    for n in range(5):
        run(owner, minutes_after=n)
    link = next_link(feed_of(owner))
    assert link is not None
    html = feed_of(owner, link)
    assert "<html" in html and "This week" in html
    assert entry_ids(html) == _newest_first(owner)[3:]
    assert next_link(html) is None


def test_the_filters_travel_with_the_cursor(owner: User, three_a_page: None) -> None:
    for n in range(4):
        run(owner, minutes_after=n, sport="ride")
        run(owner, minutes_after=n, sport="run")
    link = next_link(feed_of(owner, "?sport=ride"))
    assert link is not None and "sport=ride" in link
    rides = Activity.objects.filter(sport="ride").order_by("-start_time", "-pk")
    assert entry_ids(feed_of(owner, link)) == [a.pk for a in rides][3:]

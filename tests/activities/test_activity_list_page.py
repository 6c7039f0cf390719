"""The list of one's own activities (newest first, filtered, paged) and the month calendar."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from saathi.accounts.models import User
from saathi.activities.manual import create_manual_activity
from saathi.activities.models import Activity
from tests.activities.pages import text_of
from tests.people import browser_of

pytestmark = pytest.mark.django_db


def _entry(owner: User, sport: str, start: datetime, **more: object) -> Activity:
    figures: dict[str, object] = {"duration_s": 1800.0, **more}
    if sport in {"run", "ride"} and "distance_m" not in figures:
        figures["distance_m"] = 5000.0
    return create_manual_activity(owner=owner, sport=sport, start=start, **figures)  # type: ignore[arg-type]


def _titles(html: str) -> list[str]:
    return re.findall(r'<a href="/activities/\d+/">([^<]+)</a>', html)


def test_activities_are_listed_newest_first_with_their_figures(owner: User) -> None:
    _entry(owner, "run", datetime(2026, 5, 1, 6, 0), title="First run", distance_m=5000.0)
    _entry(owner, "yoga", datetime(2026, 5, 3, 7, 0), title="Sun salutations")
    _entry(owner, "ride", datetime(2026, 5, 2, 17, 0), title="Evening ride", distance_m=20000.0)
    html = browser_of(owner).get("/activities/").content.decode()
    assert _titles(html) == ["Sun salutations", "Evening ride", "First run"]
    assert '5.00<span class="unit">km</span>' in html
    assert '20.00<span class="unit">km</span>' in html
    # 5 km in 30 minutes is 6:00 /km; 20 km in 30 minutes is 40.0 km/h.
    assert '6:00<span class="unit">/km</span>' in html
    assert '40.0<span class="unit">km/h</span>' in html


def test_the_list_filters_by_sport_and_by_date(owner: User) -> None:
    _entry(owner, "run", datetime(2026, 4, 28, 6, 0), title="April run")
    _entry(owner, "run", datetime(2026, 5, 5, 6, 0), title="May run")
    _entry(owner, "yoga", datetime(2026, 5, 6, 6, 0), title="May yoga")
    client = browser_of(owner)
    assert _titles(client.get("/activities/?sport=run").content.decode()) == [
        "May run",
        "April run",
    ]
    in_may = client.get("/activities/?since=2026-05-01&until=2026-05-31").content.decode()
    assert _titles(in_may) == ["May yoga", "May run"]
    both = client.get("/activities/?sport=yoga&since=2026-05-01").content.decode()
    assert _titles(both) == ["May yoga"]
    # Nonsense in the query is ignored, not an error.
    assert len(_titles(client.get("/activities/?sport=skydive&since=soon").content.decode())) == 3


def test_an_htmx_filter_gets_only_the_rows(owner: User) -> None:
    _entry(owner, "yoga", datetime(2026, 5, 6, 6, 0), title="May yoga")
    response = browser_of(owner).get("/activities/?sport=yoga", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="activity-rows">') and "<html" not in html
    assert _titles(html) == ["May yoga"]


def test_the_list_is_paged_twenty_five_at_a_time(owner: User) -> None:
    for day in range(1, 31):
        _entry(owner, "yoga", datetime(2026, 4, day, 6, 0), title=f"Yoga {day}")
    client = browser_of(owner)
    first = client.get("/activities/").content.decode()
    assert len(_titles(first)) == 25 and _titles(first)[0] == "Yoga 30"
    assert "Page 1 of 2" in first and 'href="?page=2"' in first
    second = client.get("/activities/?page=2").content.decode()
    assert _titles(second) == ["Yoga 5", "Yoga 4", "Yoga 3", "Yoga 2", "Yoga 1"]
    filtered = client.get("/activities/?sport=yoga").content.decode()
    assert 'href="?sport=yoga&amp;page=2"' in filtered


def test_the_calendar_puts_an_activity_on_its_own_local_day(owner: User) -> None:
    # 23:30 in Kolkata on 31 May is still 31 May there, though 18:00 UTC.
    late = datetime(2026, 5, 31, 23, 30, tzinfo=ZoneInfo("Asia/Kolkata"))
    activity = _entry(owner, "run", late, title="Midnight run", distance_m=3000.0)
    html = browser_of(owner).get("/activities/calendar/?month=2026-05").content.decode()
    assert "<h1>May 2026</h1>" in html
    cell = re.search(r'<span class="day-number">31</span>(.*?)</td>', html, re.S)
    assert cell and f"/activities/{activity.pk}/" in cell.group(1)
    assert '3.00<span class="unit">km</span>' in cell.group(1)
    assert "1 activity" in text_of(html)
    assert 'href="?month=2026-04"' in html and 'href="?month=2026-06"' in html
    june = browser_of(owner).get("/activities/calendar/?month=2026-06").content.decode()
    assert "Midnight run" not in june


def test_a_bad_month_shows_this_month(owner: User) -> None:
    html = browser_of(owner).get("/activities/calendar/?month=2026-13").content.decode()
    assert "<h1>" in html and "2026-13" not in html


def test_the_list_can_be_cards_instead_of_a_table(owner: User) -> None:
    _entry(owner, "run", datetime(2026, 5, 1, 6, 0), title="First run", distance_m=5000.0)
    for day in range(2, 28):
        _entry(owner, "yoga", datetime(2026, 4, day, 6, 0), title=f"Yoga {day}")
    html = browser_of(owner).get("/activities/?view=cards&sport=run").content.decode()
    assert '<li class="card activity-card">' in html and "activity-table" not in html
    assert _titles(html) == ["First run"]
    assert '5.00<span class="unit">km</span>' in html
    paged = browser_of(owner).get("/activities/?view=cards").content.decode()
    assert 'href="?view=cards&amp;page=2"' in paged

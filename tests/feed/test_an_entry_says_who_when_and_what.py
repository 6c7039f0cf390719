"""Each entry: who, when in the activity's own time ("this morning", "Saturday"), title
and places, sport and the figures that sport cares about, the milestones it set, its
reaction and comment counts as the viewer is shown them, and the latest comments."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from saathi.accounts.models import User
from saathi.activities.models import Activity, Visibility
from saathi.conversations.models import Comment, Reaction, ReactionKind
from saathi.feed.figures import figures_for
from saathi.feed.when import when_text
from saathi.people.models import Block
from saathi.units import Units
from tests.feed.entries import feed_of, run
from tests.people import person

TODAY = date(2026, 12, 8)  # a Tuesday


@pytest.mark.parametrize(
    ("local", "said"),
    [
        (datetime(2026, 12, 8, 6, 5), "this morning"),
        (datetime(2026, 12, 8, 5, 30), "this morning"),
        # The engine titles it "Night run": the small hours belong to the night before.
        (datetime(2026, 12, 8, 4, 30), "last night"),
        (datetime(2026, 12, 8, 14, 0), "this afternoon"),
        (datetime(2026, 12, 8, 18, 30), "this evening"),
        (datetime(2026, 12, 8, 22, 0), "tonight"),
        (datetime(2026, 12, 7, 7, 0), "yesterday morning"),
        (datetime(2026, 12, 7, 23, 0), "last night"),
        (datetime(2026, 12, 5, 7, 0), "Saturday"),
        (datetime(2026, 12, 2, 7, 0), "Wednesday"),
        (datetime(2026, 12, 1, 7, 0), "Tue 1 Dec"),
        (datetime(2025, 12, 1, 7, 0), "Mon 1 Dec 2025"),
    ],
)
def test_when_is_said_as_a_person_says_it(local: datetime, said: str) -> None:
    assert when_text(local, TODAY) == said


def _figures(sport: str, **values: float) -> list[str]:
    activity = Activity(sport=sport, **values)
    return [
        f"{f.label} {re.sub('<[^>]+>', ' ', f.value)}".strip()
        for f in figures_for(activity, Units.METRIC)
    ]


def test_each_sport_shows_the_figures_it_cares_about() -> None:
    run_ = _figures("run", distance_m=10_000, moving_s=3000, avg_speed_mps=10_000 / 3000)
    assert run_ == ["Distance 10.00 km", "Pace 5:00 /km", "Time 50:00"]
    ride = _figures("ride", distance_m=40_000, moving_s=4800, avg_speed_mps=8.33, ascent_m=420)
    assert ride == ["Distance 40.00 km", "Speed 30.0 km/h", "Elevation 420 m"]
    hike = _figures("hike", distance_m=12_000, moving_s=14_400, avg_speed_mps=0.83, ascent_m=900)
    assert hike[-1] == "Elevation 900 m"
    assert _figures("pool_swim", distance_m=1500, moving_s=1800) == [
        "Distance 1.50 km",
        "Time 30:00",
    ]
    assert _figures("yoga", moving_s=3600, perceived_effort=4) == ["Time 1:00:00", "Effort 4 /10"]
    assert _figures("strength", moving_s=2700, avg_hr=121) == ["Time 45:00", "Heart rate 121 bpm"]


@pytest.mark.django_db
def test_an_entry_names_who_when_what_and_the_milestone_it_set(owner: User, follower: User) -> None:
    first = run(owner, minutes_after=0, title="Easy lap")
    longer = run(owner, minutes_after=60 * 24, title="Long lap")
    Activity.objects.filter(pk=longer.pk).update(distance_m=8000)
    html = feed_of(follower)
    entry = html[html.index(f'id="entry-activity-{first.pk}"') :]
    assert '<a href="/people/asha/">Asha Rao</a>' in entry
    assert "Sat 28 Nov" in entry
    assert f'<a href="/activities/{first.pk}/">Easy lap</a>' in entry
    assert "First run" in entry and "<dt>Pace</dt>" in entry
    newer = html[
        html.index(f'id="entry-activity-{longer.pk}"') : html.index(
            f'id="entry-activity-{first.pk}"'
        )
    ]
    words = re.sub(r"<[^>]+>", "", newer)
    assert "8.0 km — longest run so far, previous 5.0 km on 28 Nov" in words
    assert re.search(r'<p class="feed-who">\s*You\s', feed_of(owner))


FIRE = 'Fire</span> <span class="reaction-count">{}</span>'


@pytest.mark.django_db
def test_counts_and_the_latest_two_comments_as_she_is_shown_them(
    owner: User, follower: User
) -> None:
    activity = run(owner, level=Visibility.FOLLOWERS)
    meera, zoya = person("meera", display_name="Meera Iyer"), person("zoya", display_name="Zoya")
    for who in (follower, meera, zoya):
        Reaction.objects.create(activity=activity, person=who, kind=ReactionKind.FIRE)
    Comment.objects.create(activity=activity, author=meera, body="The first line")
    Comment.objects.create(activity=activity, author=follower, body="The second line")
    Comment.objects.create(activity=activity, author=zoya, body="The third line")
    Comment.objects.create(activity=activity, author=meera, body="Hidden", hidden=True)
    html = feed_of(follower)
    # The reactions bar counts each kind; he may tap it from here.
    assert FIRE.format(3) in html and "3 comments" in html
    assert f'action="/activities/{activity.pk}/reactions/"' in html
    assert "The first line" not in html
    assert html.index("The second line") < html.index("The third line")
    assert "Hidden" not in html
    assert f'href="/activities/{activity.pk}/#conversation"' in html
    # Zoya blocks Farid: her reaction and words leave his feed, not anyone else's.
    Block.objects.create(blocker=zoya, blocked=follower)
    html = feed_of(follower)
    assert FIRE.format(2) in html and "2 comments" in html
    assert "The third line" not in html and "The first line" in html
    theirs = feed_of(owner)
    assert FIRE.format(3) in theirs and "3 comments" in theirs

"""The same seed writes the same bytes: the demo is the same story on every machine."""

from __future__ import annotations

from datetime import UTC, date, datetime

from saathi.demo.chapters import CHAPTERS, HER, HIM, Recorded, Story
from saathi.demo.load import SEED, demo_file
from saathi.demo.motion import Outing, record
from saathi.demo.routes import atlas

START = datetime(2026, 10, 4, 0, 35, tzinfo=UTC)


def outing(seed: int) -> Outing:
    return Outing(
        athlete=HIM.athlete,
        route=atlas().bor_ghat_run,
        sport="running",
        start=START,
        fitness=0.9,
        stops=2,
        seed=seed,
    )


def test_the_same_seed_writes_the_same_fit_and_gpx_bytes() -> None:
    for person in (HIM, HER):
        first = demo_file(person, record(outing(7)))
        again = demo_file(person, record(outing(7)))
        assert first == again


def test_another_seed_writes_another_file() -> None:
    assert demo_file(HIM, record(outing(7)))[1] != demo_file(HIM, record(outing(8)))[1]


def plan(today: date) -> list[tuple[str, datetime, float, int | None]]:
    story = Story(today=today, days=365, atlas=atlas(), seed=SEED)
    for _, chapter in CHAPTERS:
        chapter(story)
    return [
        (
            h.person.handle,
            h.start,
            h.outing.route.length_m if isinstance(h, Recorded) else h.duration_s,
            h.outing.seed if isinstance(h, Recorded) else None,
        )
        for h in story.happenings
    ]


def test_the_whole_year_is_planned_the_same_for_the_same_day() -> None:
    first = plan(date(2026, 11, 25))
    assert first == plan(date(2026, 11, 25))
    assert len(first) > 600

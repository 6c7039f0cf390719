"""The arithmetic of records, with no database: progressions, "since" and round numbers.

A record's progression (its chain) is the activities, in order of start, that each beat
every one before them. A new activity joins the chain when it beats the step before its
start, and knocks out the later steps it beats; a removed step lets through the
activities after it that beat the step before it. Everything else is unchanged, which
is why judging one activity needs only the chain and a few rows, not the history.
"""

from __future__ import annotations

import calendar
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from saathi.records.measures import ASCENT, RecordMeasure

# "Longest since" needs the last activity as long to be at least this long ago.
SINCE_MONTHS = 3
# A climb this small is not worth a badge, though it is still the record.
MIN_CLIMB_BADGE_M = 50.0


class Step(NamedTuple):
    """An activity's figure on one measure; ordered by start, then by id."""

    start_time: datetime
    activity: int
    local_date: date
    value: float


@dataclass(frozen=True)
class JudgedMilestone:
    """A milestone as judged, compared with the stored ones before anything is written."""

    activity: int
    kind: str
    measure: str = ""
    number: int | None = None
    value: float | None = None
    previous_activity: int | None = None
    previous_value: float | None = None
    previous_date: date | None = None


def running_best(
    steps: Iterable[Step], measure: RecordMeasure, floor: float | None = None
) -> list[Step]:
    """The steps (in order) that beat every step before them and `floor`."""
    chain: list[Step] = []
    best = floor
    for step in steps:
        if best is None or measure.beats(step.value, best):
            chain.append(step)
            best = step.value
    return chain


def with_step(chain: list[Step], step: Step, measure: RecordMeasure) -> list[Step]:
    """The chain once `step` (a new activity) is judged: it joins when it beats the step
    before it, knocking out the later ones that do not beat it."""
    before = [s for s in chain if s < step]
    if before and not measure.beats(step.value, before[-1].value):
        return chain
    return [*before, step, *(s for s in chain if s > step and measure.beats(s.value, step.value))]


def without_step(
    chain: list[Step], activity: int, candidates: Iterable[Step], measure: RecordMeasure
) -> list[Step]:
    """The chain once `activity` is gone: the `candidates` between it and the next step
    that beat the step before it take its place."""
    at = next((i for i, s in enumerate(chain) if s.activity == activity), None)
    if at is None:
        return chain
    gone, rest = chain[at], chain[at + 1 :]
    floor = chain[at - 1].value if at else None
    between = sorted(c for c in candidates if c > gone and (not rest or c < rest[0]))
    return [*chain[:at], *running_best(between, measure, floor), *rest]


def record_rows(chain: list[Step], measure: RecordMeasure, kind: str) -> list[JudgedMilestone]:
    """A milestone for each step that beat an earlier one (the first step is a first)."""
    return [
        _against(step, previous, kind, measure)
        for previous, step in itertools.pairwise(chain)
        if measure is not ASCENT or step.value >= MIN_CLIMB_BADGE_M
    ]


def months_before(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def since_row(
    step: Step, reference: Step | None, kind: str, measure: RecordMeasure
) -> JudgedMilestone | None:
    """ "Longest since" for `step`, when the last activity as long (`reference`) is at
    least SINCE_MONTHS before it by their local dates; none when there is none at all
    (then it is the longest ever, a record)."""
    if reference is None or reference.local_date > months_before(step.local_date, SINCE_MONTHS):
        return None
    return _against(step, reference, kind, measure)


def _against(step: Step, earlier: Step, kind: str, measure: RecordMeasure) -> JudgedMilestone:
    """`step`'s milestone of `kind` on `measure`, told against an `earlier` step: the
    record it beat, or the last activity as long."""
    return JudgedMilestone(
        activity=step.activity,
        kind=kind,
        measure=measure.key,
        value=step.value,
        previous_activity=earlier.activity,
        previous_value=earlier.value,
        previous_date=earlier.local_date,
    )


def last_as_long(steps: list[Step]) -> dict[int, Step | None]:
    """For each step (in order), the latest earlier one at least as long: a stack kept
    decreasing, so the whole history takes one pass."""
    stack: list[Step] = []
    found: dict[int, Step | None] = {}
    for step in steps:
        while stack and stack[-1].value < step.value:
            stack.pop()
        found[step.activity] = stack[-1] if stack else None
        stack.append(step)
    return found


def _round_numbers() -> tuple[int, ...]:
    numbers = [1]
    scale = 10
    while scale <= 10**7:
        numbers += [scale, scale * 5 // 2, scale * 5]
        scale *= 10
    return tuple(numbers)


# 1 (the first), 10, 25, 50, 100, 250, 500, 1000, ...: the counts worth a badge.
ROUND_NUMBERS = _round_numbers()


def round_numbers_between(low: int, high: int) -> list[int]:
    return [n for n in ROUND_NUMBERS if low <= n <= high]

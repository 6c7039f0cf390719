"""Judging records and milestones as activities arrive, change and leave.

    judge(activity)   a saved activity: its own milestones and records, and what it
                      changes for the later activities of its sport
    forget(activity)  the same activity as if it were gone (before a delete, or before
                      its sport or figures change and it is judged again)
    rebuild(owner)    everything of one person again from the activities alone

"So far" means before the activity's start, not before its import: a Strava archive
arrives newest first, and each older ride re-judges the later ones. Each call spends a
bounded number of queries whatever the history (docs/records.md): the sport's record
chains and milestones are read whole (they grow with the number of records, not of
activities), counts come from one windowed query on the (owner, sport, start_time)
index, and "longest since" from one query each way.

Callers hold the transaction (an import, a delete): a failure leaves nothing half-judged.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Count, F, FloatField, Max, Q, Value, Window
from django.db.models.expressions import RowRange
from django.db.models.functions import Coalesce, RowNumber

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.activities.sports import WITHOUT_DISTANCE, Sport
from saathi.records import chains
from saathi.records.chains import JudgedMilestone, Step
from saathi.records.measures import ASCENT, EFFORTS, RecordMeasure, longest_for, measures_for
from saathi.records.models import Kind, Milestone, Record

RECORD_KINDS = (Kind.LONGEST, Kind.CLIMB, Kind.BEST_EFFORT)
COUNT_KINDS = (Kind.FIRST, Kind.COUNT)
MILESTONE_FIELDS = (
    "activity_id",
    "kind",
    "measure",
    "number",
    "value",
    "previous_activity",
    "previous_value",
    "previous_date",
)
VALUE_COLUMNS = ("distance_m", "moving_s", "ascent_m", "best_efforts", "power_curve")


def badge_measures(sport: str) -> list[tuple[RecordMeasure, Kind]]:
    """The records whose new steps are shown as milestones."""
    found = [(longest_for(sport), Kind.LONGEST)]
    if Sport(sport) not in WITHOUT_DISTANCE:
        found.append((ASCENT, Kind.CLIMB))
    found += [(m, Kind.BEST_EFFORT) for m in EFFORTS.values() if m in measures_for(sport)]
    return found


def judge(activity: Activity) -> None:
    """Judge a saved activity and re-judge the later ones of its sport it changes."""
    with transaction.atomic(savepoint=False):
        _Judgement(activity, present=True).run()


def forget(activity: Activity) -> None:
    """Undo what `activity` (still saved, with the sport and figures it was judged
    with) did to its sport's records and milestones, and remove its own."""
    with transaction.atomic(savepoint=False):
        _Judgement(activity, present=False).run()


def _before(activity: Activity) -> Q:
    return Q(start_time__lt=activity.start_time) | Q(
        start_time=activity.start_time, pk__lt=activity.pk
    )


def _after(activity: Activity) -> Q:
    return Q(start_time__gt=activity.start_time) | Q(
        start_time=activity.start_time, pk__gt=activity.pk
    )


def _step(row: dict[str, Any], measure: RecordMeasure) -> Step | None:
    value = measure.value_in(row)
    if value is None:
        return None
    return Step(row["start_time"], row["pk"], row["local_date"], value)


@dataclass
class _Judgement:
    activity: Activity
    present: bool
    # Filled as it goes, then written in one pass.
    old_chains: dict[str, list[Step]] = field(default_factory=dict)
    chains: dict[str, list[Step]] = field(default_factory=dict)
    since: dict[int, JudgedMilestone | None] = field(
        default_factory=dict
    )  # activity -> its since row
    counts: dict[int, int] = field(default_factory=dict)  # number -> activity
    counts_from: int = 0
    reach_back: Q | None = None  # "since" milestones a new activity may now answer

    def __post_init__(self) -> None:
        activity = self.activity
        self.sport = activity.sport
        self.everyone = Activity.objects.filter(owner_id=activity.owner_id, sport=self.sport)
        self.others = self.everyone.exclude(pk=activity.pk)
        self.longest = longest_for(self.sport)
        me = {"pk": activity.pk, "start_time": activity.start_time}
        me.update(
            local_date=activity.local_date, **{c: getattr(activity, c) for c in VALUE_COLUMNS}
        )
        self.me = me

    def run(self) -> None:
        # Two imports of one person's archive run at once (`saathi import --jobs 2`, two
        # workers): each judges against what the other has committed, never beside it.
        # NO KEY: the activity just inserted holds a KEY SHARE lock on this row, which a
        # plain FOR UPDATE would wait on, each transaction waiting for the other.
        User.objects.select_for_update(no_key=True).filter(pk=self.activity.owner_id).exists()
        self._judge_counts()
        records = self._load_chains()
        if self.present:
            self._insert()
        else:
            self._remove()
        self._write(records)

    # -- counts: the 1st, 10th, 25th ... of a sport, by start --------------------------

    def _judge_counts(self) -> None:
        tally = self.others.aggregate(
            before=Count("pk", filter=_before(self.activity)), all=Count("pk")
        )
        position = tally["before"] + 1
        total = tally["all"] + 1 if self.present else tally["all"]
        self.counts_from = position
        numbers = chains.round_numbers_between(position, total)
        if self.present and position == total:
            # The newest of its sport, the common case: nothing later moves.
            self.counts = {n: self.activity.pk for n in numbers}
            return
        if numbers:
            ranked = (
                (self.everyone if self.present else self.others)
                .annotate(n=Window(RowNumber(), order_by=[F("start_time").asc(), F("pk").asc()]))
                .filter(n__in=numbers)
            )
            self.counts = {n: pk for pk, n in ranked.values_list("pk", "n")}

    # -- record chains -----------------------------------------------------------------

    def _load_chains(self) -> dict[tuple[str, int], tuple[int, Step]]:
        stored: dict[tuple[str, int], tuple[int, Step]] = {}
        steps: dict[str, list[Step]] = defaultdict(list)
        for pk, measure, activity, value, start, day in Record.objects.filter(
            owner_id=self.activity.owner_id, sport=self.sport
        ).values_list("pk", "measure", "activity_id", "value", "start_time", "local_date"):
            step = Step(start, activity, day, value)
            steps[measure].append(step)
            stored[(measure, activity)] = (pk, step)
        self.old_chains = {m: sorted(s) for m, s in steps.items()}
        return stored

    def _insert(self) -> None:
        mine = self.activity.pk
        for measure in measures_for(self.sport):
            chain = [s for s in self.old_chains.get(measure.key, []) if s.activity != mine]
            step = _step(self.me, measure)
            self.chains[measure.key] = (
                chain if step is None else chains.with_step(chain, step, measure)
            )
        self._since_after_insert()

    def _remove(self) -> None:
        mine = self.activity.pk
        held = [
            m
            for m in measures_for(self.sport)
            if any(s.activity == mine for s in self.old_chains.get(m.key, []))
        ]
        candidates = self._candidates(held)
        for measure in measures_for(self.sport):
            chain = self.old_chains.get(measure.key, [])
            self.chains[measure.key] = chains.without_step(
                chain, mine, candidates[measure.key], measure
            )
        self._since_after_removal()

    def _candidates(self, held: list[RecordMeasure]) -> dict[str, list[Step]]:
        """The activities that may step into the removed one's place, one query for all
        the records it held: those after it and before the next step, beating the step
        before it."""
        found: dict[str, list[Step]] = defaultdict(list)
        if not held:
            return found
        wanted = Q(pk__in=[])
        aliases = {}
        for i, measure in enumerate(held):
            chain = self.old_chains[measure.key]
            at = next(j for j, s in enumerate(chain) if s.activity == self.activity.pk)
            window = _after(self.activity)
            if at + 1 < len(chain):
                nxt = chain[at + 1]
                window &= Q(start_time__lt=nxt.start_time) | Q(
                    start_time=nxt.start_time, pk__lt=nxt.activity
                )
            aliases[f"m{i}"] = measure.expression()
            wanted |= window & measure.better_than(f"m{i}", chain[at - 1].value if at else None)
        rows = (
            self.others.alias(**aliases)
            .filter(wanted)
            .values("pk", "start_time", "local_date", *VALUE_COLUMNS)
        )
        for row in rows:
            for measure in held:
                step = _step(row, measure)
                if step is not None:
                    found[measure.key].append(step)
        return found

    # -- longest since ------------------------------------------------------------------

    def _since(self, step: Step, reference: Step | None) -> JudgedMilestone | None:
        return chains.since_row(step, reference, Kind.LONGEST_SINCE, self.longest)

    def _since_after_insert(self) -> None:
        """The new activity's own "since", and the later ones it now comes between: the
        steps it knocked out of the chain, and "since" milestones reaching back past it."""
        longest = self.longest
        mine = _step(self.me, longest)
        self.since[self.activity.pk] = None
        if mine is None:
            return
        chain = self.chains[longest.key]
        if mine not in chain:
            reference = (
                self.others.filter(_before(self.activity), **{f"{longest.column}__gte": mine.value})
                .order_by("-start_time", "-pk")
                .values("pk", "start_time", "local_date", longest.column)
                .first()
            )
            self.since[mine.activity] = self._since(mine, reference and _step(reference, longest))
        for step in self.old_chains.get(longest.key, []):
            if step > mine and step not in chain:
                self.since[step.activity] = self._since(step, mine)
        self.reach_back = (
            Q(kind=Kind.LONGEST_SINCE, value__lte=mine.value)
            & Q(
                Q(activity__start_time__gt=mine.start_time)
                | Q(activity__start_time=mine.start_time, activity_id__gt=mine.activity)
            )
            & Q(
                Q(previous_activity__start_time__lt=mine.start_time)
                | Q(
                    previous_activity__start_time=mine.start_time,
                    previous_activity_id__lt=mine.activity,
                )
            )
        )

    def _since_after_removal(self) -> None:
        """The later activities whose last as long was the removed one: each looks
        further back (one query forward for them, one backward for their references)."""
        longest = self.longest
        mine = _step(self.me, longest)
        self.since[self.activity.pk] = None
        if mine is None:
            return
        column = longest.column
        earlier_best = Window(
            Max(column), order_by=[F("start_time").asc(), F("pk").asc()], frame=RowRange(None, -1)
        )
        later = (
            self.others.filter(_after(self.activity), **{f"{column}__gt": 0})
            .annotate(earlier=Coalesce(earlier_best, Value(0.0), output_field=FloatField()))
            # A bound on the column itself would be applied before the window is
            # computed; on the running best it is applied after.
            .filter(**{f"{column}__gt": F("earlier")}, earlier__lt=mine.value)
            .values("pk", "start_time", "local_date", column)
        )
        steps = sorted(
            s for row in later if (s := _step(row, longest)) is not None and s.value <= mine.value
        )
        if not steps:
            return
        low, high = steps[0].value, steps[-1].value
        later_best = Window(
            Max(column), order_by=[F("start_time").desc(), F("pk").desc()], frame=RowRange(None, -1)
        )
        back = (
            self.others.filter(_before(self.activity), **{f"{column}__gte": low})
            .annotate(later=Coalesce(later_best, Value(0.0), output_field=FloatField()))
            .filter(**{f"{column}__gt": F("later")}, later__lt=high)
            .values("pk", "start_time", "local_date", column)
        )
        references = sorted(
            (s for row in back if (s := _step(row, longest)) is not None), reverse=True
        )
        for step in steps:
            reference = next((r for r in references if r.value >= step.value), None)
            self.since[step.activity] = self._since(step, reference)

    # -- writing ------------------------------------------------------------------------

    def _write(self, stored: dict[tuple[str, int], tuple[int, Step]]) -> None:
        owner, sport = self.activity.owner_id, self.sport
        # Records: the steps that left a chain (or changed) go, the new ones come.
        wanted = {(m, s.activity): s for m, chain in self.chains.items() for s in chain}
        gone = [pk for key, (pk, step) in stored.items() if wanted.get(key) != step]
        if gone:
            Record.objects.filter(pk__in=gone).delete()
        new = [
            _record(step, measure, owner, sport)
            for (measure, activity), step in wanted.items()
            if (measure, activity) not in stored or stored[(measure, activity)][1] != step
        ]
        if new:
            Record.objects.bulk_create(new)
        self._write_milestones(owner, sport)

    def _write_milestones(self, owner: int, sport: str) -> None:
        """Within what was judged (the sport's record and count milestones, the "since"
        of the activities looked at), stored milestones that differ are replaced."""
        scope = Q(kind__in=RECORD_KINDS) | Q(kind__in=COUNT_KINDS, number__gte=self.counts_from)
        scope |= Q(kind=Kind.LONGEST_SINCE, activity_id__in=list(self.since))
        if self.reach_back is not None:
            scope |= self.reach_back
        existing = list(
            Milestone.objects.filter(Q(owner_id=owner, sport=sport) & scope).values(
                "pk",
                *MILESTONE_FIELDS,
                own_date=F("activity__local_date"),
                own_start=F("activity__start_time"),
            )
        )
        mine = _step(self.me, self.longest)
        for row in existing:
            if row["kind"] == Kind.LONGEST_SINCE and row["activity_id"] not in self.since:
                # Reaching back past the new activity, which is as long: it is the last
                # as long now.
                step = Step(row["own_start"], row["activity_id"], row["own_date"], row["value"])
                self.since[row["activity_id"]] = self._since(step, mine)
        desired = badge_rows(sport, self.chains)
        desired.update(_count_row(n, pk) for n, pk in self.counts.items())
        desired.update(row for row in self.since.values() if row is not None)
        have = {_row(m): m["pk"] for m in existing}
        stale = [pk for row, pk in have.items() if row not in desired]
        if stale:
            Milestone.objects.filter(pk__in=stale).delete()
        fresh = [unsaved_milestone(row, owner, sport) for row in desired if row not in have]
        if fresh:
            Milestone.objects.bulk_create(fresh)


def badge_rows(sport: str, found: dict[str, list[Step]]) -> set[JudgedMilestone]:
    """The milestones of the new steps of a sport's record chains (by measure key)."""
    rows: set[JudgedMilestone] = set()
    for measure, kind in badge_measures(sport):
        rows.update(chains.record_rows(found.get(measure.key, []), measure, kind))
    return rows


def _count_row(number: int, activity: int) -> JudgedMilestone:
    """The milestone of a sport's `number`th activity: the first, or a round count."""
    return JudgedMilestone(
        activity=activity, kind=Kind.FIRST if number == 1 else Kind.COUNT, number=number
    )


def _row(stored: dict[str, Any]) -> JudgedMilestone:
    return JudgedMilestone(
        activity=stored["activity_id"],
        **{name: stored[name] for name in MILESTONE_FIELDS if name != "activity_id"},
    )


def _record(step: Step, measure: str, owner: int, sport: str) -> Record:
    return Record(
        owner_id=owner,
        sport=sport,
        measure=measure,
        activity_id=step.activity,
        value=step.value,
        start_time=step.start_time,
        local_date=step.local_date,
    )


def unsaved_milestone(row: JudgedMilestone, owner: int, sport: str) -> Milestone:
    """A judged milestone as a row, not yet saved (badges.py shows some unsaved)."""
    return Milestone(
        owner_id=owner,
        sport=sport,
        activity_id=row.activity,
        kind=row.kind,
        measure=row.measure,
        number=row.number,
        value=row.value,
        previous_activity_id=row.previous_activity,
        previous_value=row.previous_value,
        previous_date=row.previous_date,
    )


def rebuild(owner_id: int) -> None:
    """Judge every activity of one person again from scratch, in one pass per sport: for
    records kept before this app existed, and as the reference the tests hold the
    incremental judging to."""
    rows = (
        Activity.objects.filter(owner_id=owner_id)
        .order_by("start_time", "pk")
        .values("pk", "sport", "start_time", "local_date", *VALUE_COLUMNS)
    )
    by_sport: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_sport[row["sport"]].append(row)
    records: list[Record] = []
    milestones: list[Milestone] = []
    for sport, activities in by_sport.items():
        found, rows_of_sport = judged_from_scratch(sport, activities)
        records += [
            _record(step, measure, owner_id, sport)
            for measure, chain in found.items()
            for step in chain
        ]
        milestones += [unsaved_milestone(row, owner_id, sport) for row in rows_of_sport]
    with transaction.atomic():
        Record.objects.filter(owner_id=owner_id).delete()
        Milestone.objects.filter(owner_id=owner_id).delete()
        Record.objects.bulk_create(records, batch_size=1000)
        Milestone.objects.bulk_create(milestones, batch_size=1000)


def judged_from_scratch(
    sport: str, activities: list[dict[str, Any]]
) -> tuple[dict[str, list[Step]], set[JudgedMilestone]]:
    """The record chains and milestones of one sport, from its activities in order."""
    found = {
        measure.key: chains.running_best(
            (s for row in activities if (s := _step(row, measure)) is not None), measure
        )
        for measure in measures_for(sport)
    }
    rows = badge_rows(sport, found)
    longest = longest_for(sport)
    steps = [s for row in activities if (s := _step(row, longest)) is not None]
    for step, reference in zip(steps, chains.last_as_long(steps).values(), strict=True):
        since = chains.since_row(step, reference, Kind.LONGEST_SINCE, longest)
        if since is not None:
            rows.add(since)
    for number in chains.round_numbers_between(1, len(activities)):
        rows.add(_count_row(number, activities[number - 1]["pk"]))
    return {k: v for k, v in found.items() if v}, rows

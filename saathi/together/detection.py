"""Same-outing detection: after an import, the recordings of the owner's partners and
mutual follows that were out with her, each made a suggestion to both.

    candidates(activity, footprint, probe)  by index only: people both sides allow
                                            (eligible.matchable_with), overlapping in
                                            time, sharing a map cell x five-minute token,
                                            never a pair suggested before (a "no" is kept
                                            so that it never comes back) or already joined
    find_companions(activity)               the whole step, for the worker (tasks.py):
                                            footprint stored, candidates confirmed on the
                                            stored streams with tracks/together.py

Cost grows with the number of people who were near her at the time, not with the number
of people or activities (bench/outings.py). Only recordings each side may already see
are paired: a suggestion never tells anyone of an activity kept from them.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet

from saathi.accounts.models import User
from saathi.activities.models import Activity, ActivityStreams
from saathi.notifications.models import Kind
from saathi.people.models import Partnership
from saathi.together import footprints, notices
from saathi.together.eligible import matchable_with
from saathi.together.models import Answer, Footprint, OutingToken, Suggestion
from saathi.together.outings import join
from saathi.tracks.together import SAME_OUTING_SHARE, probe_tokens, same_outing
from saathi.tracks.track import Track

# The longest a recording may last and still be found by a later one: the lower bound
# that keeps "started before this one ended" an index range rather than all of history.
LONGEST_OUTING = timedelta(hours=48)


def candidates(activity: Activity, footprint: Footprint, probe: list[int]) -> QuerySet[Footprint]:
    """The footprints of other people's recordings that may be the same outing."""
    suggested = Suggestion.objects.filter(Q(first=activity) | Q(second=activity))
    found = (
        Footprint.objects.filter(
            owner__in=matchable_with(activity.owner).values("pk"),
            start__lt=footprint.end,
            start__gt=footprint.start - LONGEST_OUTING,
            end__gt=footprint.start,
            activity__in=OutingToken.objects.sharing(probe),
        )
        .exclude(activity__in=suggested.values("first"))
        .exclude(activity__in=suggested.values("second"))
    )
    outing = getattr(activity, "membership", None)
    if outing is not None:
        found = found.exclude(activity__membership__outing=outing.outing_id)
    return found


def find_companions(activity: Activity) -> list[Suggestion]:
    """Store the activity's footprint, then suggest every companion found."""
    stored = ActivityStreams.objects.filter(activity=activity).first()
    if stored is None:
        return []
    track = stored.load()
    # Committed before looking: of two partners' imports read at once, the one that
    # looks last finds the other (the unique pair constraint stops a second suggestion).
    with transaction.atomic():
        footprint = footprints.record(activity, track)
    if footprint is None:
        return []
    probe = [int(token) for token in probe_tokens(track)]
    found = list(candidates(activity, footprint, probe).select_related("activity__owner"))
    if not found:
        return []
    seen_by_her = set(
        Activity.objects.visible_to(activity.owner)
        .filter(pk__in=[f.activity_id for f in found])
        .values_list("pk", flat=True)
    )
    tracks = {
        s.activity_id: s.load()
        for s in ActivityStreams.objects.filter(activity__in=seen_by_her).select_related("activity")
    }
    suggestions = []
    for other in found:
        if other.activity_id not in tracks:
            continue
        if not Activity.objects.visible_to(other.owner).filter(pk=activity.pk).exists():
            continue
        made = _confirm((footprint, track), (other, tracks[other.activity_id]))
        if made is not None:
            suggestions.append(made)
    return suggestions


def _confirm(mine: tuple[Footprint, Track], theirs: tuple[Footprint, Track]) -> Suggestion | None:
    """Suggest the pair if they were together, the one that started first as the first."""
    (a, first_track), (b, second_track) = sorted(
        [mine, theirs], key=lambda side: (side[0].start, side[0].activity_id)
    )
    first, second = a.activity, b.activity
    on_bike = footprints.on_bike(first) or footprints.on_bike(second)
    share = same_outing(first_track, second_track, on_bike)
    if share < SAME_OUTING_SHARE:
        return None
    return suggest(
        first, second, share=share, second_share=same_outing(second_track, first_track, on_bike)
    )


def suggest(
    first: Activity, second: Activity, *, share: float, second_share: float
) -> Suggestion | None:
    """Record the match; two partners who both let matches join without asking are
    joined at once, anyone else is asked. None when the pair was suggested already."""
    try:
        with transaction.atomic():
            suggestion = Suggestion.objects.create(
                first=first, second=second, share=share, second_share=second_share
            )
            if _both_auto_join(first.owner, second.owner):
                suggestion.first_answer = suggestion.second_answer = Answer.YES
                suggestion.save(update_fields=["first_answer", "second_answer"])
                join([first, second])
            else:
                notices.tell(
                    first.owner, actor=second.owner, kind=Kind.OUTING_SUGGESTED, subject=suggestion
                )
                notices.tell(
                    second.owner, actor=first.owner, kind=Kind.OUTING_SUGGESTED, subject=suggestion
                )
    except IntegrityError:
        return None
    return suggestion


def _both_auto_join(a: User, b: User) -> bool:
    return Partnership.objects.filter(
        Q(asker=a, answerer=b) | Q(asker=b, answerer=a),
        accepted=True,
        asker_auto_joins=True,
        answerer_auto_joins=True,
    ).exists()

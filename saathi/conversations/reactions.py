"""One tap on an activity: kudos or another of the five reactions, one per person.

Tapping the reaction one has takes it back; tapping another changes it. The owner hears
of reactions as one notice per activity while unread ("Meera and 3 others gave kudos to
Hill run"): a new reaction points that notice at itself and brings it to the top instead
of adding another, and the notice is worded when read (Reaction.notice_for).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count, Q, Value
from django.utils.timezone import now

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.conversations.models import EMOJI, Reaction, ReactionKind
from saathi.notifications.models import Kind, Notification
from saathi.notifications.sending import notify
from saathi.people.circles import Ties


class ReactionRefused(Exception):
    """The person may not react to this activity (she may not see it)."""


def react(*, activity: Activity, person: User, kind: ReactionKind) -> Reaction | None:
    """Give, change or (tapping the same again) take back one's reaction; returns the
    reaction now held, or None. Raises ReactionRefused when she may not see the activity
    (a block included)."""
    with transaction.atomic():
        # The activity's row is locked so that two taps at once, or two people at once,
        # leave one reaction each and one unread notice for the owner.
        if not Activity.objects.visible_to(person).filter(pk=activity.pk).exists():
            raise ReactionRefused("You cannot react to this activity.")
        Activity.objects.select_for_update().filter(pk=activity.pk).first()
        mine = Reaction.objects.filter(activity=activity, person=person).first()
        if mine is not None and mine.kind == kind:
            _take_back(mine)
            return None
        if mine is not None:
            mine.kind = kind
            mine.save(update_fields=["kind"])
            return mine
        mine = Reaction.objects.create(activity=activity, person=person, kind=kind)
        if person.pk != activity.owner_id:
            _tell_owner(mine)
        return mine


def _unread_notice(activity: Activity) -> Notification | None:
    return (
        Notification.objects.unread()
        .filter(
            recipient_id=activity.owner_id,
            kind=Kind.REACTED,
            subject_type=ContentType.objects.get_for_model(Reaction),
            subject_id__in=Reaction.objects.filter(activity=activity).values("pk"),
        )
        .first()
    )


def _tell_owner(reaction: Reaction) -> None:
    notice = _unread_notice(reaction.activity)
    if notice is None:
        notify(
            recipient=reaction.activity.owner,
            actor=reaction.person,
            kind=Kind.REACTED,
            subject=reaction,
        )
        return
    # Re-pointed, not re-sent: the owner is emailed about the first reaction of a group.
    Notification.objects.filter(pk=notice.pk).update(
        subject_id=reaction.pk, actor=reaction.person, created=now()
    )


def _take_back(reaction: Reaction) -> None:
    """Delete the reaction; an unread notice about it falls back on the newest reaction
    left (so the group keeps its notice), or goes with it."""
    notice = _unread_notice(reaction.activity)
    if notice is not None and notice.subject_id == reaction.pk:
        left = (
            Reaction.objects.filter(activity=reaction.activity)
            .exclude(pk=reaction.pk)
            .exclude(person_id=reaction.activity.owner_id)
            .order_by("-created", "-id")
            .first()
        )
        if left is not None:
            Notification.objects.filter(pk=notice.pk).update(
                subject_id=left.pk, actor_id=left.person_id
            )
    reaction.delete()


# -- what the reactions bar shows ---------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    kind: str
    emoji: str
    label: str
    count: int
    mine: bool


@dataclass(frozen=True)
class ReactionBar:
    """The five reactions of one activity as one viewer is shown them."""

    activity: Activity
    choices: list[Choice]
    mine: str | None  # the viewer's own kind, if any
    can_react: bool  # signed in (everyone shown an activity may react to it)

    @property
    def total(self) -> int:
        return sum(choice.count for choice in self.choices)


def bars_for(
    activities: list[Activity], viewer: User | None, ties: Ties | None = None
) -> dict[int, ReactionBar]:
    """The reactions bar of each activity, in one query whatever their number (for the
    feed as for one activity's page): each kind counted, and which is hers (her own
    reaction is always among those she is shown). The activities must be ones the viewer
    may see."""
    pks = [a.pk for a in activities]
    counts: dict[int, dict[str, int]] = {pk: {} for pk in pks}
    mine: dict[int, str] = {}
    shown = Reaction.objects.shown_beside(viewer, ties).filter(activity__in=pks)
    hers = Count("id", filter=Q(person=viewer)) if viewer is not None else Value(0)
    for row in shown.order_by().values("activity", "kind").annotate(n=Count("id"), hers=hers):
        counts[row["activity"]][row["kind"]] = row["n"]
        if row["hers"]:
            mine[row["activity"]] = row["kind"]
    return {
        a.pk: ReactionBar(
            activity=a,
            choices=[
                Choice(
                    kind=kind.value,
                    emoji=EMOJI[kind],
                    label=kind.label,
                    count=counts[a.pk].get(kind.value, 0),
                    mine=mine.get(a.pk) == kind.value,
                )
                for kind in ReactionKind
            ],
            mine=mine.get(a.pk),
            can_react=viewer is not None,
        )
        for a in activities
    }


def bar_for(activity: Activity, viewer: User | None) -> ReactionBar:
    return bars_for([activity], viewer)[activity.pk]


def who_reacted(activity: Activity, viewer: User | None) -> list[tuple[str, list[User]]]:
    """ "👍 Meera, Ravi": each reaction the viewer is shown, with who gave it, oldest first."""
    shown = (
        Reaction.objects.shown_to(viewer)
        .filter(activity=activity)
        .select_related("person")
        .order_by("created", "id")
    )
    by_kind: dict[str, list[User]] = {}
    for reaction in shown:
        by_kind.setdefault(reaction.kind, []).append(reaction.person)
    return [(EMOJI[kind], by_kind[kind]) for kind in ReactionKind if kind in by_kind]

"""A milestone told to the owner's training partners: "Meera: longest ride so far —
65.0 km (previous 48.0 km on 2 Aug)".

Told once per activity, after its import or manual entry has committed (tasks.py), and
only of the milestones that mean "you did more than ever before": the longest, the
biggest climb and the best efforts of a sport, each beating an earlier one (a first ride
is not news, it has nothing before it). Not of activities older than RECENT either: a
year's archive arriving in one evening must not flood anyone's notifications.

The words are chosen when the notice is read, as badges.py words badges for that reader:
judged on what she may see of the owner's activities, so a comparison never names a ride
hidden from her; and there is no notice once she may not see the activity, or nothing in
what she may see of it is a milestone any more.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.notifications.models import Kind as NotificationKind
from saathi.notifications.sending import notify
from saathi.people.circles import partners_q
from saathi.records.badges import Badge, badges_for
from saathi.records.models import Kind, Milestone, MilestoneNews

TOLD = (Kind.LONGEST, Kind.CLIMB, Kind.BEST_EFFORT)
RECENT = timedelta(days=30)


def news_of(activity: Activity, reader: User) -> Badge | None:
    """The milestone of `activity` worth telling `reader`, as she may see it."""
    badges = badges_for([activity], reader, reader.unit_system, reader.today())
    told = [b for b in badges.get(activity.pk, []) if b.kind in TOLD and b.comparison]
    return told[0] if told else None


def notice_for(news: MilestoneNews, reader: User) -> tuple[str, str | None] | None:
    activity = (
        Activity.objects.visible_to(reader)
        .select_related("owner")
        .filter(pk=news.activity_id)
        .first()
    )
    if activity is None:
        return None
    badge = news_of(activity, reader)
    if badge is None:
        return None
    text = f"{activity.owner.name}: {badge.words} — {badge.headline} ({badge.comparison})"
    return text, reverse("activities:detail", args=[activity.pk])


def tell_partners(activity_id: int) -> int:
    """Tell the owner's partners of the activity's milestones, once; how many were told."""
    activity = Activity.objects.select_related("owner").filter(pk=activity_id).first()
    if activity is None or activity.start_time < timezone.now() - RECENT:
        return 0
    milestones = Milestone.objects.filter(
        activity=activity, kind__in=TOLD, previous_value__isnull=False
    )
    if not milestones.exists():
        return 0
    owner = activity.owner
    with transaction.atomic():
        news, created = MilestoneNews.objects.get_or_create(activity=activity)
        if not created:  # a job run twice, an activity imported and judged again
            return 0
        partners = User.objects.filter(partners_q(owner), is_active=True)
        # Only who may see it, and sees a milestone in what she may see of the sport.
        told = [p for p in partners if notice_for(news, p) is not None]
        for partner in told:
            notify(
                recipient=partner,
                actor=owner,
                kind=NotificationKind.PARTNER_MILESTONE,
                subject=news,
            )
    return len(told)

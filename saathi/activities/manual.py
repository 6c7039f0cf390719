"""Activities entered by hand: the morning yoga, a gym session, a ride with no device."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from saathi.activities.models import Activity, Source, Visibility
from saathi.activities.sports import FIT_NAMES, GROUPS, TITLE_WORDS, Sport
from saathi.activities.summary import clean
from saathi.records.records import forget, judge
from saathi.records.tasks import queue_milestone_news
from saathi.tracks.calories import calories
from saathi.tracks.titles import title_for

if TYPE_CHECKING:
    from saathi.accounts.models import User

# Beyond these an entry is a typing slip (minutes typed as seconds, metres as km).
# A week covers the longest single-push ultras; the speeds are above world records
# averaged over any distance worth entering.
MAX_DURATION_S = 7 * 86400
MAX_AVERAGE_MPS = {"foot": 11.0, "ride": 30.0, "swim": 3.0, "other": 60.0}
# The vertical-kilometre record climbs ~1000 m in half an hour.
MAX_ASCENT_M_PER_H = 3000.0


def create_manual_activity(
    *,
    owner: User,
    sport: str,
    start: datetime,
    duration_s: float,
    distance_m: float | None = None,
    ascent_m: float | None = None,
    title: str = "",
    description: str = "",
    perceived_effort: int | None = None,
    visibility: str | None = None,
    map_visibility: str | None = None,
) -> Activity:
    """Save an activity with no file; raises ValidationError naming each bad field.

    A naive `start` is a wall-clock time in the owner's home zone. Who sees it is the
    owner's default for new activities unless given; the map never wider than that.
    """
    levels = owner.new_activity_levels
    visibility = visibility or levels["visibility"]
    map_visibility = Visibility.narrower(map_visibility or levels["map_visibility"], visibility)
    check_figures(sport=sport, duration_s=duration_s, distance_m=distance_m, ascent_m=ascent_m)
    zone = _zone_of(start, owner.time_zone)
    local_start = start.replace(tzinfo=ZoneInfo(zone)) if timezone.is_naive(start) else start
    if local_start > timezone.now() + timedelta(days=1):
        raise ValidationError({"start": "This start is in the future."})
    chosen = Sport(sport)
    activity = Activity(
        owner=owner,
        sport=chosen,
        source=Source.MANUAL,
        start_time=local_start.astimezone(ZoneInfo("UTC")),
        timezone=zone,
        local_date=local_start.astimezone(ZoneInfo(zone)).date(),
        title=title.strip()
        or title_for(start=None, end=None, sport=TITLE_WORDS[chosen], local_start=local_start),
        description=description,
        perceived_effort=perceived_effort,
        visibility=visibility,
        map_visibility=map_visibility,
        **manual_figures(chosen, duration_s, distance_m, ascent_m),
    )
    activity.full_clean(exclude=["owner"])
    with transaction.atomic():
        activity.save()
        judge(activity)
        # Partners hear of its milestones from the worker, once this commits.
        transaction.on_commit(partial(queue_milestone_news, activity.pk))
    return activity


def check_figures(
    *, sport: str, duration_s: float, distance_m: float | None, ascent_m: float | None
) -> None:
    """Raise ValidationError naming each figure that cannot be right."""
    errors: dict[str, str] = {}
    if sport not in Sport.values:
        errors["sport"] = f"“{sport}” is not a sport Saathi knows."
    if not duration_s or duration_s <= 0:
        errors["duration_s"] = "The duration must be more than zero."
    elif duration_s > MAX_DURATION_S:
        errors["duration_s"] = "The duration is longer than a week: was it entered in seconds?"
    if distance_m is not None and distance_m < 0:
        errors["distance_m"] = "The distance cannot be negative."
    if ascent_m is not None and ascent_m < 0:
        errors["ascent_m"] = "The elevation gain cannot be negative."
    if not errors:
        errors.update(_implausible(Sport(sport), duration_s, distance_m, ascent_m))
    if errors:
        raise ValidationError(errors)


def _implausible(
    sport: Sport, duration_s: float, distance_m: float | None, ascent_m: float | None
) -> dict[str, str]:
    errors = {}
    limit = MAX_AVERAGE_MPS[GROUPS[sport]]
    if distance_m and distance_m / duration_s > limit:
        errors["distance_m"] = (
            f"{distance_m / 1000:.1f} km in that time is faster than anyone has gone "
            f"({limit * 3.6:.0f} km/h on average): please check the distance and the duration."
        )
    if ascent_m and ascent_m > MAX_ASCENT_M_PER_H * duration_s / 3600:
        errors["ascent_m"] = (
            f"Climbing {ascent_m:.0f} m in that time is beyond any record: "
            "please check the elevation gain."
        )
    return errors


def manual_figures(
    sport: Sport, duration_s: float, distance_m: float | None, ascent_m: float | None
) -> dict[str, Any]:
    """The columns an entry fills: what the person typed, and calories by MET."""
    fit_sport, sub_sport = FIT_NAMES[sport]
    kcal = calories(
        device=None, sport=fit_sport, sub_sport=sub_sport, moving_s=duration_s, weight_kg=None
    )
    speed = distance_m / duration_s if distance_m and duration_s > 0 else None
    figures = {
        "distance_m": distance_m or None,
        "moving_s": float(duration_s),
        "elapsed_s": float(duration_s),
        "timer_s": float(duration_s),
        "ascent_m": ascent_m,
        "avg_speed_mps": speed,
        "calories": kcal,
    }
    return {**figures, "computed_totals": clean(figures), "device_totals": None}


def _zone_of(start: datetime, home: str) -> str:
    """The zone an entry happened in: the start's own zone when it names one."""
    key = getattr(start.tzinfo, "key", None)
    return key if isinstance(key, str) else home


def edit_manual_figures(
    activity: Activity,
    *,
    duration_s: float,
    distance_m: float | None = None,
    ascent_m: float | None = None,
) -> None:
    """Correct what was typed for an entry with no file; calories follow the duration."""
    if activity.source != Source.MANUAL:
        raise ValueError("an imported activity's figures come from its file")
    check_figures(
        sport=activity.sport, duration_s=duration_s, distance_m=distance_m, ascent_m=ascent_m
    )
    with transaction.atomic():
        # Judged again with the corrected figures; forgotten as stored, whatever a form
        # may already have set on this instance.
        forget(Activity.objects.get(pk=activity.pk))
        for name, value in manual_figures(
            Sport(activity.sport), duration_s, distance_m, ascent_m
        ).items():
            setattr(activity, name, value)
        activity.save()
        judge(activity)

"""Activities, their stored streams, and the import jobs that bring files in.

Summary figures are real columns so that lists, records and stats are plain indexed
queries; the samples live beside them in ActivityStreams, packed, read only by the
activity page and exports.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, ClassVar
from zoneinfo import ZoneInfo

import numpy as np
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models.functions import TruncMonth, TruncWeek, TruncYear
from django.utils.timezone import now

from saathi.accounts.models import validate_time_zone
from saathi.accounts.sharing import (
    Visibility as Visibility,
)  # re-exported: the activity form and tests name it here
from saathi.activities.sports import FIT_NAMES, Sport
from saathi.activities.streams import unpack
from saathi.people.circles import Ties, may_know_of, may_see, signed_in
from saathi.tracks.privacy import draw_trim

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from saathi.accounts.models import User
    from saathi.tracks.track import Track

# The headline figures: each is the device's value when the file had one, else Saathi's.
HEADLINE_FIELDS = (
    "distance_m",
    "moving_s",
    "elapsed_s",
    "timer_s",
    "ascent_m",
    "descent_m",
    "avg_speed_mps",
    "max_speed_mps",
    "avg_hr",
    "max_hr",
    "avg_cadence",
    "avg_power",
    "max_power",
    "calories",
)

# What the owner may change after an import; figures come from the file.
EDITABLE_FIELDS = frozenset(
    {
        "title",
        "description",
        "sport",
        "timezone",
        "visibility",
        "map_visibility",
        "comments_by",
        "perceived_effort",
    }
)


class Source(models.TextChoices):
    FILE = "file", "File"
    MANUAL = "manual", "Manual entry"


# Summed by totals() and totals_per(): missing figures (a yoga entry's distance) add nothing.
TOTALS = {
    "count": models.Count("pk"),
    "distance_m": models.Sum("distance_m"),
    "moving_s": models.Sum("moving_s"),
    "ascent_m": models.Sum("ascent_m"),
}
PERIOD_STARTS = {"week": TruncWeek, "month": TruncMonth, "year": TruncYear}


class ActivityQuerySet(models.QuerySet["Activity"]):
    def owned_by(self, user: User) -> ActivityQuerySet:
        return self.filter(owner=user)

    def visible_to(
        self, user: User | AnonymousUser | None, ties: Ties | None = None
    ) -> ActivityQuerySet:
        """What `user` may see: the one privacy rule for pages, feed, API and exports.

        Follows, partners, blocks, public profiles and suspended owners are read by
        people/circles.py (`ties`: hers, read once for a page that asks often); an
        activity the site's staff hid is its owner's alone.
        """
        rule = may_see(user, level="visibility", ties=ties)
        return self.filter(rule, _not_hidden_from(user))

    def map_visible_to(self, user: User | AnonymousUser | None) -> ActivityQuerySet:
        """The activities whose route `user` may see (map, streams, downloads): never
        more than `visible_to`, whatever the map level says."""
        return self.visible_to(user).filter(may_see(user, level="map_visibility"))

    def commentable_by(self, user: User | AnonymousUser | None) -> ActivityQuerySet:
        """The activities `user` may comment on: those she may see whose comment level
        lets her in (never more than `visible_to`)."""
        return self.visible_to(user).filter(may_see(user, level="comments_by"))

    def known_to(self, user: User | AnonymousUser | None) -> ActivityQuerySet:
        """The activities `user` may know exist, seen or not: counted ("and 1 other"),
        never shown. Wider than `visible_to`; "only me", blocks and what staff hid stay out."""
        return self.filter(may_know_of(user, level="visibility"), _not_hidden_from(user))

    def of_sport(self, sport: str) -> ActivityQuerySet:
        """One sport's activities; all of them when `sport` is blank."""
        return self.filter(sport=sport) if sport else self

    def between(self, first: date, last: date) -> ActivityQuerySet:
        """Activities on local days `first` to `last`, both included."""
        return self.filter(local_date__range=(first, last))

    def totals(self) -> dict[str, Any]:
        """Count, distance, moving time and elevation gain of the lot, summed by the database."""
        return self.order_by().aggregate(**TOTALS)

    def totals_per(self, period: str, *, by_sport: bool = False) -> models.QuerySet[Any]:
        """Totals per local day, ISO week (from Monday), month or year — and per sport —
        grouped by the database on `local_date`, never on the UTC start; each row has the
        period's first day as "period"."""
        start = models.F("local_date") if period == "day" else PERIOD_STARTS[period]("local_date")
        keys = ("period", "sport") if by_sport else ("period",)
        # order_by() first: the default ordering would join the GROUP BY.
        return (
            self.order_by().annotate(period=start).values(*keys).annotate(**TOTALS).order_by(*keys)
        )

    def active_days(self) -> models.QuerySet[Any]:
        """The local days with at least one activity, oldest first."""
        return self.order_by("local_date").values_list("local_date", flat=True).distinct()


def _not_hidden_from(user: User | AnonymousUser | None) -> models.Q:
    """Not hidden by the site's staff (saathi/moderation/), unless `user` is the owner."""
    me = signed_in(user)
    shown = models.Q(hidden_by_staff=False)
    return shown | models.Q(owner=me) if me is not None else shown


def new_trim() -> float:
    """An activity's own stretch hidden at one end; from the operating system's entropy."""
    return draw_trim(np.random.default_rng())


def _field(verbose: str) -> Any:
    return models.FloatField(verbose, null=True, blank=True)


class Activity(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="activities"
    )
    sport = models.CharField(max_length=24, choices=Sport.choices, db_index=True)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    start_time = models.DateTimeField(help_text="When it started, in UTC.")
    timezone = models.CharField(
        max_length=64, validators=[validate_time_zone], help_text="IANA name, e.g. Asia/Kolkata."
    )
    # The local calendar day: days, weeks and streaks follow it, not the UTC date.
    local_date = models.DateField()
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.FILE)
    visibility = models.CharField(
        max_length=16, choices=Visibility.choices, default=Visibility.ONLY_ME
    )
    # Who sees the route, streams and downloads; read through map_visible_to, which
    # never lets it be wider than `visibility`.
    map_visibility = models.CharField(
        max_length=16, choices=Visibility.choices, default=Visibility.ONLY_ME
    )
    # Who may comment, among those who may see it: everyone who sees it (PUBLIC),
    # followers and partners, partners, or nobody but the owner (ONLY_ME: closed).
    # Read through Activity.objects.commentable_by, never wider than `visibility`.
    comments_by = models.CharField(
        max_length=16, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    perceived_effort = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text="1 (very easy) to 10 (maximal).",
    )
    device = models.CharField(max_length=120, blank=True)
    file_format = models.CharField(max_length=8, blank=True)  # fit, gpx, tcx; blank when manual
    # The original file's hash: the same file from the same person is a duplicate.
    sha256 = models.CharField(max_length=64, blank=True)

    distance_m = _field("distance (m)")
    moving_s = _field("moving time (s)")
    elapsed_s = _field("elapsed time (s)")
    timer_s = _field("timer time (s)")
    ascent_m = _field("elevation gain (m)")
    descent_m = _field("elevation loss (m)")
    avg_speed_mps = _field("average speed (m/s)")
    max_speed_mps = _field("maximum speed (m/s)")
    avg_hr = _field("average heart rate")
    max_hr = _field("maximum heart rate")
    avg_cadence = _field("average cadence")
    avg_power = _field("average power (W)")
    max_power = _field("maximum power (W)")
    calories = _field("calories (kcal)")

    # Both sets are kept so a page can say where each headline figure came from.
    device_totals = models.JSONField(null=True, blank=True)
    computed_totals = models.JSONField(default=dict, blank=True)
    altitude_source = models.CharField(max_length=16, blank=True)
    elevation_method = models.CharField(max_length=80, blank=True)

    # Of the part others see (activities/privacy.py): after the privacy cut, the start
    # and end named here, and the title made from them, are where the visible part
    # begins and ends, not the door it left from.
    start_place = models.CharField(max_length=120, blank=True)
    end_place = models.CharField(max_length=120, blank=True)
    start_lat = models.FloatField(null=True, blank=True)
    start_lon = models.FloatField(null=True, blank=True)
    end_lat = models.FloatField(null=True, blank=True)
    end_lon = models.FloatField(null=True, blank=True)

    # The privacy cut (activities/privacy.py, tracks/privacy.py): metres hidden beyond a
    # zone's edge, or from the first and last point, drawn once per activity and kept,
    # so the same activity always shows the same cut.
    trim_start_m = models.FloatField(default=new_trim)
    trim_end_m = models.FloatField(default=new_trim)
    # The samples others see, first and last inclusive; null when they see none of the
    # route. `cut_key` names the zones and setting they were cut with ("" never cut):
    # a cut made under other zones is made again before anyone else is served.
    visible_first = models.PositiveIntegerField(null=True, blank=True)
    visible_last = models.PositiveIntegerField(null=True, blank=True)
    cut_key = models.CharField(max_length=32, blank=True)
    visible_south = models.FloatField(null=True, blank=True)
    visible_west = models.FloatField(null=True, blank=True)
    visible_north = models.FloatField(null=True, blank=True)
    visible_east = models.FloatField(null=True, blank=True)

    laps = models.JSONField(default=list, blank=True)
    splits_km = models.JSONField(default=list, blank=True)
    splits_mile = models.JSONField(default=list, blank=True)
    best_efforts = models.JSONField(default=dict, blank=True)  # name -> seconds
    power_curve = models.JSONField(default=dict, blank=True)  # seconds -> watts
    normalized_power = models.FloatField(null=True, blank=True)
    hr_zones = models.JSONField(null=True, blank=True)  # seconds in zones 1..5
    trimp = models.FloatField(null=True, blank=True)
    # Sentences for the owner: what the reader could not use, and where.
    warnings = models.JSONField(default=list, blank=True)

    points = models.PositiveIntegerField(default=0)
    has_map = models.BooleanField(default=False)
    has_altitude = models.BooleanField(default=False)
    has_hr = models.BooleanField(default=False)
    has_cadence = models.BooleanField(default=False)
    has_power = models.BooleanField(default=False)

    # Hidden by the site's staff after a report (saathi/moderation/): kept, reversibly,
    # and shown to its owner alone, with a note saying so.
    hidden_by_staff = models.BooleanField(default=False)

    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects: ClassVar[ActivityQuerySet] = ActivityQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name_plural = "activities"
        ordering = ["-start_time"]
        indexes = [
            models.Index(fields=["owner", "-start_time"], name="activity_owner_newest"),
            models.Index(fields=["owner", "sport", "start_time"], name="activity_owner_sport"),
            models.Index(fields=["owner", "local_date"], name="activity_owner_day"),
            # The feed (feed/activity_entries.py), newest first by (start_time, id) over
            # the people one follows. Per person: SQLite's plan reads one index range per
            # person of the circle, (owner_id=? AND start_time<?) from the keyset cursor
            # on, ties of one second resolved in the index.
            models.Index(fields=["owner", "-start_time", "-id"], name="activity_owner_keyset"),
            # Across everyone: for a busy circle PostgreSQL can walk the newest
            # activities backwards and stop at the page's limit instead of sorting them.
            models.Index(fields=["-start_time", "-id"], name="activity_newest"),
        ]
        constraints = [
            # Two workers importing the same file at once: the second insert fails
            # here and becomes a duplicate instead of a second activity.
            models.UniqueConstraint(
                fields=["owner", "sha256"],
                condition=~models.Q(sha256=""),
                name="activity_unique_file_per_owner",
            ),
            models.CheckConstraint(
                condition=models.Q(perceived_effort__isnull=True)
                | models.Q(perceived_effort__gte=1, perceived_effort__lte=10),
                name="activity_effort_1_to_10",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def local_start(self) -> datetime:
        return self.start_time.astimezone(ZoneInfo(self.timezone))

    def figure_source(self, name: str) -> str:
        """Where a headline figure came from: "device", "saathi" or "manual"."""
        if self.source == Source.MANUAL:
            return "manual"
        if self.device_totals and self.device_totals.get(name) == getattr(self, name) is not None:
            return "device"
        return "saathi"


class ActivityStreams(models.Model):
    """The samples of an activity, packed (see streams.py); in the database so an import
    is one transaction, and loaded without parsing the original file again."""

    activity = models.OneToOneField(
        Activity, on_delete=models.CASCADE, primary_key=True, related_name="streams"
    )
    data = models.BinaryField()
    points = models.PositiveIntegerField()
    # Segment starts and timer pauses, as the Track has them.
    breaks = models.JSONField(default=list, blank=True)
    pauses = models.JSONField(default=list, blank=True)
    # What the activity page draws, picked at import (charts.py); null until then for
    # activities imported before picks were stored: the first view fills it.
    picks = models.BinaryField(null=True, blank=True)
    # The same, of the part others see (activities/privacy.py); null when they see none,
    # or before the first cut.
    visible_picks = models.BinaryField(null=True, blank=True)
    # The route as a card's small SVG path, drawn from the picks above whenever they
    # are saved (charts.draw_previews): the feed shows fifty routes per page without
    # unpacking one. `visible_preview` is drawn from the visible picks, so it carries
    # nothing of a hidden end; "" when there is no route (or none others may see).
    preview = models.TextField(blank=True, default="")
    visible_preview = models.TextField(blank=True, default="")

    class Meta:
        verbose_name_plural = "activity streams"

    def __str__(self) -> str:
        return f"{self.points} points of activity {self.activity_id}"

    def load(self) -> Track:
        """The samples as a Track, named with the activity's (possibly edited) sport."""
        track = unpack(
            bytes(self.data),
            breaks=self.breaks,
            pauses=self.pauses,
            file_format=self.activity.file_format or "fit",
        )
        track.sport, track.sub_sport = FIT_NAMES[Sport(self.activity.sport)]
        track.device = self.activity.device or None
        return track


class JobState(models.TextChoices):
    WAITING = "waiting", "Waiting"
    READING = "reading", "Reading"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"
    DUPLICATE = "duplicate", "Duplicate"


# The largest files import in seconds; a job reading for this long lost its worker.
STUCK_AFTER = timedelta(minutes=15)


def original_path(job: ImportJob, filename: str) -> str:
    # Spread by owner and hash so no folder grows past a few thousand entries.
    return f"originals/{job.owner.pk}/{job.sha256[:2]}/{job.sha256[:16]}-{filename}"


class ImportJob(models.Model):
    """One uploaded file on its way to becoming an activity; kept whatever happens."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_jobs"
    )
    original = models.FileField(upload_to=original_path, max_length=255)
    original_name = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64, db_index=True)
    state = models.CharField(max_length=12, choices=JobState.choices, default=JobState.WAITING)
    error = models.TextField(blank=True)  # the exact reason, as the reader gave it
    warnings = models.JSONField(default=list, blank=True)
    # An upload belongs to what it became: deleting the activity takes its jobs along,
    # and the stored originals with them (saathi/system/files.py), duplicates included.
    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.CASCADE, related_name="import_jobs"
    )
    duplicate_of = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.CASCADE, related_name="duplicate_jobs"
    )
    created = models.DateTimeField(auto_now_add=True)
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["owner", "-created"], name="importjob_owner_newest")]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.state})"

    @property
    def is_finished(self) -> bool:
        return self.state in {JobState.DONE, JobState.FAILED, JobState.DUPLICATE}

    @property
    def can_retry(self) -> bool:
        """Failed, or stuck reading long after any import ends (its worker died)."""
        if self.state == JobState.READING and self.started is not None:
            return self.started < now() - STUCK_AFTER
        return self.state == JobState.FAILED

    def read_original(self) -> bytes:
        with self.original.open("rb") as handle:
            data: bytes = handle.read()
        return data

    def reset_for_retry(self) -> bool:
        """Put a failed or stuck job back to waiting, if it still is one: a newer Saathi
        may read what an older one could not. The row lock stops a double click from
        resetting it twice; the caller queues it (tasks.retry)."""
        with transaction.atomic():
            job = ImportJob.objects.select_for_update().get(pk=self.pk)
            if not job.can_retry:
                return False
            job.state, job.error, job.warnings = JobState.WAITING, "", []
            job.started = job.finished = None
            job.save(update_fields=["state", "error", "warnings", "started", "finished"])
        self.refresh_from_db()
        return True

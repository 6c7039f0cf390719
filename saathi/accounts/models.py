"""The person behind every activity: who they are, and what the figures need to know.

Time zone, units, sex and heart rates live on the user rather than a separate profile
because every page reads them and none is shared by two people.
"""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime
from functools import cache
from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from saathi.accounts.handles import normalise_handle, validate_handle
from saathi.accounts.sharing import FindableBy, MatchWith, Visibility
from saathi.units import Units

# Ages outside this span are almost always a typing slip (2001 entered as 2021).
OLDEST_AGE = 120
YOUNGEST_AGE = 5

# Resting: elite endurance athletes have been measured near 28 bpm, and above 120 is
# not rest. Maximum: measured maxima run from ~100 (old age, beta blockers) to ~230.
RESTING_HR_RANGE = (25, 120)
MAX_HR_RANGE = (100, 240)


@cache
def time_zone_names() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


def validate_time_zone(value: str) -> None:
    if value not in time_zone_names():
        raise ValidationError(f"“{value}” is not a time zone name such as Asia/Kolkata.")


def validate_birth_year(value: int) -> None:
    this_year = date.today().year
    if not this_year - OLDEST_AGE <= value <= this_year - YOUNGEST_AGE:
        raise ValidationError(
            f"Please enter a birth year between {this_year - OLDEST_AGE} "
            f"and {this_year - YOUNGEST_AGE}."
        )


class Sex(models.TextChoices):
    UNSPECIFIED = "unspecified", "Prefer not to say"
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    OTHER = "other", "Other"


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(handle=normalise_handle(username or ""))

    def create_user(
        self, handle: str, email: str, password: str | None = None, **extra: Any
    ) -> User:
        user = self.model(
            handle=normalise_handle(handle), email=self.normalize_email(email), **extra
        )
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_superuser(
        self, handle: str, email: str, password: str | None = None, **extra: Any
    ) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(handle, email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    handle = models.CharField(
        max_length=30,
        unique=True,
        validators=[validate_handle],
        help_text="3 to 30 lowercase letters, digits or underscores. Used in links and mentions.",
    )
    email = models.EmailField("email address", max_length=254)
    display_name = models.CharField(max_length=80, blank=True)
    avatar = models.ImageField(upload_to="avatars/", blank=True)

    time_zone = models.CharField(
        "home time zone", max_length=64, default="UTC", validators=[validate_time_zone]
    )
    # Stored as the setting's name; read through `unit_system`.
    units = models.CharField(
        max_length=8, choices=[(u.value, u.label) for u in Units], default=Units.METRIC.value
    )

    # Private to the owner: used for event eligibility and calorie estimates only.
    birth_year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[validate_birth_year]
    )
    sex = models.CharField(max_length=12, choices=Sex.choices, default=Sex.UNSPECIFIED)
    resting_hr = models.PositiveSmallIntegerField(
        "resting heart rate",
        null=True,
        blank=True,
        validators=[MinValueValidator(RESTING_HR_RANGE[0]), MaxValueValidator(RESTING_HR_RANGE[1])],
        help_text="Beats per minute, measured on waking.",
    )
    max_hr = models.PositiveSmallIntegerField(
        "maximum heart rate",
        null=True,
        blank=True,
        validators=[MinValueValidator(MAX_HR_RANGE[0]), MaxValueValidator(MAX_HR_RANGE[1])],
        help_text="Beats per minute, the highest you have seen in a hard effort.",
    )

    # Shown to others on the profile; both optional and free text ("Srinagar").
    bio = models.CharField(max_length=300, blank=True)
    home_region = models.CharField(max_length=80, blank=True)

    # Sharing: who may follow, find and see this person (saathi/accounts/sharing.py).
    approve_followers = models.BooleanField(
        "approve who follows me",
        default=True,
        help_text="When off, anyone signed in may follow you without asking.",
    )
    findable_by = models.CharField(
        "who can find me", max_length=12, choices=FindableBy.choices, default=FindableBy.EVERYONE
    )
    public_profile = models.BooleanField(
        "show my profile to people who are not signed in",
        default=False,
        help_text="Your public profile and the activities you share with everyone.",
    )
    default_visibility = models.CharField(
        "who sees new activities",
        max_length=16,
        choices=Visibility.choices,
        default=Visibility.FOLLOWERS,
    )
    default_map_visibility = models.CharField(
        "who sees their maps",
        max_length=16,
        choices=Visibility.choices,
        default=Visibility.FOLLOWERS,
        help_text="Never more people than see the activity.",
    )
    hide_ends = models.BooleanField(
        "hide the start and end of every activity",
        default=True,
        help_text="Others see your routes without their first and last few hundred metres.",
    )
    match_with = models.CharField(
        "find outings together with",
        max_length=12,
        choices=MatchWith.choices,
        default=MatchWith.PARTNERS_AND_MUTUAL,
    )

    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "handle"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["email"]

    class Meta:
        constraints = [
            # Handles are lowercase by validation; the constraint also holds for rows
            # written around the forms (shell, fixtures, migrations).
            models.UniqueConstraint(
                Lower("handle"),
                name="user_handle_unique_ci",
                violation_error_message="That handle is taken.",
            ),
            models.UniqueConstraint(
                Lower("email"),
                name="user_email_unique_ci",
                violation_error_message="An account with that email address already exists.",
            ),
            models.CheckConstraint(
                condition=models.Q(resting_hr__isnull=True)
                | models.Q(max_hr__isnull=True)
                | models.Q(resting_hr__lt=models.F("max_hr")),
                name="user_resting_hr_below_max_hr",
                violation_error_message="Resting heart rate must be below maximum heart rate.",
            ),
        ]

    def __str__(self) -> str:
        return f"@{self.handle}"

    def clean(self) -> None:
        super().clean()
        self.handle = normalise_handle(self.handle)
        self.email = type(self).objects.normalize_email(self.email)
        if self.resting_hr and self.max_hr and self.resting_hr >= self.max_hr:
            raise ValidationError(
                {"resting_hr": "Resting heart rate must be below your maximum heart rate."}
            )

    @property
    def name(self) -> str:
        """What pages call a person: their display name, else their handle."""
        return self.display_name or self.handle

    def local_now(self, now: datetime | None = None) -> datetime:
        """`now` (by default this moment) on this person's clock, in their home time zone."""
        return (now or timezone.now()).astimezone(zoneinfo.ZoneInfo(self.time_zone))

    def today(self, now: datetime | None = None) -> date:
        """This person's date: "today" on every page is theirs, never the server's."""
        return self.local_now(now).date()

    @property
    def new_activity_levels(self) -> dict[str, str]:
        """Who sees a new activity and its map, as this person chose for imports and
        manual entries; the map never wider than the activity."""
        return {
            "visibility": self.default_visibility,
            "map_visibility": Visibility.narrower(
                self.default_map_visibility, self.default_visibility
            ),
        }

    @property
    def unit_system(self) -> Units:
        """The units every figure shown to this person is in."""
        return Units.parse(self.units)

    @property
    def initials(self) -> str:
        """Shown in place of an avatar: up to two letters from the name."""
        words = [w for w in self.name.replace("_", " ").split() if w[:1].isalnum()]
        return "".join(w[0] for w in words[:2]).upper() or self.handle[:1].upper()

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name

"""Who a person is to another: follows, training partners and blocks; and the places a
person hides from all of them (privacy zones).

Each is a row between two people; deleting either person takes it along. The reads that
turn them into "who may see what" are in circles.py, the changes in relations.py.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Greatest, Least

from saathi.tracks.privacy import MAX_RADIUS_M, MIN_RADIUS_M, Zone


class Follow(models.Model):
    """`follower` follows `followed`; until accepted it is a request (see
    User.approve_followers) and gives the follower nothing."""

    follower = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows_out"
    )
    followed = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows_in"
    )
    accepted = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["follower", "followed"], name="follow_once"),
            models.CheckConstraint(
                condition=~models.Q(follower=models.F("followed")), name="follow_not_oneself"
            ),
        ]
        indexes = [models.Index(fields=["followed", "accepted"], name="follow_followed")]

    def __str__(self) -> str:
        state = "follows" if self.accepted else "asks to follow"
        return f"{self.follower} {state} {self.followed}"


class Partnership(models.Model):
    """Two people who train together: asked by one, accepted by the other, ended by either.

    One row per pair whoever asked (the constraint orders the two ids); each side keeps
    its own consent to joining detected outings without being asked each time.
    """

    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partnerships_asked"
    )
    answerer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partnerships_answered"
    )
    accepted = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    asker_auto_joins = models.BooleanField(default=False)
    answerer_auto_joins = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                Least("asker", "answerer"), Greatest("asker", "answerer"), name="partners_once"
            ),
            models.CheckConstraint(
                condition=~models.Q(asker=models.F("answerer")), name="partner_not_oneself"
            ),
        ]

    def __str__(self) -> str:
        joined = "and" if self.accepted else "asks"
        return f"{self.asker} {joined} {self.answerer}"


class Block(models.Model):
    """`blocker` blocked `blocked`: from then on each is a stranger the other cannot reach."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_made"
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_received"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="block_once"),
            models.CheckConstraint(
                condition=~models.Q(blocker=models.F("blocked")), name="block_not_oneself"
            ),
        ]
        indexes = [models.Index(fields=["blocked"], name="block_blocked")]

    def __str__(self) -> str:
        return f"{self.blocker} blocked {self.blocked}"


class PrivacyZone(models.Model):
    """A place its owner hides from everyone else: home, work.

    The point and radius given are the owner's alone: nothing anyone else receives is
    built from them. What cuts the routes is the circle drawn from them once, at random,
    and stored (people/zones.py, tracks/privacy.py): drawn again for each activity, the
    circles would average out on the point.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="privacy_zones"
    )
    label = models.CharField(max_length=60, blank=True, help_text="Home, work…")
    lat = models.FloatField("latitude", validators=[MinValueValidator(-90), MaxValueValidator(90)])
    lon = models.FloatField(
        "longitude", validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    radius_m = models.PositiveIntegerField(
        "radius (m)",
        validators=[MinValueValidator(MIN_RADIUS_M), MaxValueValidator(MAX_RADIUS_M)],
    )
    drawn_lat = models.FloatField()
    drawn_lon = models.FloatField()
    drawn_radius_m = models.FloatField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(radius_m__gte=MIN_RADIUS_M, radius_m__lte=MAX_RADIUS_M),
                name="privacy_zone_radius_200_to_1600",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label or 'A privacy zone'} of {self.owner}"

    def as_drawn(self) -> Zone:
        return Zone(self.drawn_lat, self.drawn_lon, self.drawn_radius_m)

"""Who a person is to another: follows, training partners and blocks.

Each is a row between two people; deleting either person takes it along. The reads that
turn them into "who may see what" are in circles.py, the changes in relations.py.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Greatest, Least


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

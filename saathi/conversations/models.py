"""Reactions and comments on activities, and whom a comment or a description mentions.

Each row belongs to an activity and to the person who wrote it; deleting either takes it.
Who may react or comment is decided by Activity.objects.visible_to and commentable_by;
what a viewer is shown leaves out what a block parts from her (QuerySet methods here).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeVar

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q

from saathi.activities.models import Activity
from saathi.people.circles import blocked_q, signed_in
from saathi.people.models import Block

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from saathi.accounts.models import User

M = TypeVar("M", bound=models.Model)

COMMENT_MAX = 2000


class ReactionKind(models.TextChoices):
    # A small fixed set, as Strava's kudos and a chat's reactions: one tap, no typing.
    KUDOS = "kudos", "Kudos"
    FIRE = "fire", "Fire"
    HEART = "heart", "Love"
    CLAP = "clap", "Applause"
    LAUGH = "laugh", "Laugh"


EMOJI = {
    ReactionKind.KUDOS: "👍",
    ReactionKind.FIRE: "🔥",
    ReactionKind.HEART: "❤️",
    ReactionKind.CLAP: "👏",
    ReactionKind.LAUGH: "😂",
}


class SaidQuerySet(models.QuerySet[M]):
    """Reactions or comments, as one viewer is shown them."""

    person_field: ClassVar[str]

    def shown_to(self, viewer: User | AnonymousUser | None) -> SaidQuerySet[M]:
        """On activities the viewer may see, by people whose account is active, and
        never by someone a block parts from the activity's owner or from the viewer:
        their words disappear for everyone while the block lasts."""
        who = self.person_field
        parted = Block.objects.filter(
            Q(blocker=OuterRef("activity__owner"), blocked=OuterRef(who))
            | Q(blocker=OuterRef(who), blocked=OuterRef("activity__owner"))
        )
        # Exists, not `activity__in`: each row's activity is looked up by its key, where
        # an IN list would gather every activity the viewer may see (the feed counts
        # with this inside its one query per page).
        seen = Activity.objects.visible_to(viewer).filter(pk=OuterRef("activity"))
        shown = self.filter(Exists(seen), **{f"{who}__is_active": True}).exclude(Exists(parted))
        me = signed_in(viewer)
        return shown.exclude(blocked_q(me, who)) if me is not None else shown


class ReactionQuerySet(SaidQuerySet["Reaction"]):
    person_field = "person"


class CommentQuerySet(SaidQuerySet["Comment"]):
    person_field = "author"

    def shown_to(self, viewer: User | AnonymousUser | None) -> CommentQuerySet:
        """As for reactions; a comment a moderator hid is shown to its author alone."""
        shown = super().shown_to(viewer)
        me = signed_in(viewer)
        visible = Q(hidden=False) | Q(author=me) if me is not None else Q(hidden=False)
        return shown.filter(visible)  # type: ignore[return-value]


class Reaction(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="reactions")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reactions"
    )
    kind = models.CharField(max_length=12, choices=ReactionKind.choices)
    created = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[ReactionQuerySet] = ReactionQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["activity", "person"], name="one_reaction_each"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} by {self.person_id} on {self.activity_id}"


class Comment(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comments"
    )
    body = models.TextField(validators=[MaxLengthValidator(COMMENT_MAX)])
    created = models.DateTimeField(auto_now_add=True)
    edited = models.DateTimeField(null=True, blank=True)
    # Hidden by a moderator: kept (reversibly), shown to nobody but its author.
    hidden = models.BooleanField(default=False)

    objects: ClassVar[CommentQuerySet] = CommentQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["created", "id"]
        indexes = [
            # A conversation is read in order, per activity; the feed reads its first lines.
            models.Index(fields=["activity", "created", "id"], name="comment_thread"),
        ]

    def __str__(self) -> str:
        return f"comment {self.pk} by {self.author_id} on {self.activity_id}"


class Mention(models.Model):
    """`person` is mentioned in `comment`, or in the activity's description when
    `comment` is empty, and may see the activity: the handle is a link."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="mentions")
    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="mentions", null=True, blank=True
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentions"
    )

    # Written again whole each time its text is saved, so no constraint is needed.

    def __str__(self) -> str:
        return f"@{self.person_id} in {self.comment_id or 'description'} of {self.activity_id}"

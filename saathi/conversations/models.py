"""Reactions and comments on activities, and whom a comment or a description mentions.

Each row belongs to an activity and to the person who wrote it; deleting either takes it.
Who may react or comment is decided by Activity.objects.visible_to and commentable_by;
what a viewer is shown leaves out what a block parts from her (QuerySet methods here).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from saathi.activities.models import Activity
from saathi.notifications.models import Notification
from saathi.people.circles import Ties, blocked_q, signed_in
from saathi.people.models import Block

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from saathi.accounts.models import User

M = TypeVar("M", bound=models.Model)

COMMENT_MAX = 2000


def _notifications() -> GenericRelation:
    # Deleting a reaction, a comment or a mention deletes what told of it.
    return GenericRelation(
        Notification, content_type_field="subject_type", object_id_field="subject_id"
    )


def _snippet(text: str, length: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1].rstrip() + "…"


def _activity_url(activity_id: int, anchor: str) -> str:
    return reverse("activities:detail", args=[activity_id]) + f"#{anchor}"


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
        # Exists, not `activity__in`: each row's activity is looked up by its key, where
        # an IN list would gather every activity the viewer may see.
        seen = Activity.objects.visible_to(viewer).filter(pk=OuterRef("activity"))
        return self.filter(Exists(seen)).shown_beside(viewer)

    def shown_beside(
        self, viewer: User | AnonymousUser | None, ties: Ties | None = None
    ) -> SaidQuerySet[M]:
        """As shown_to, on activities the caller has just read through visible_to (a page
        of the feed, one activity's page): the rules about people alone, without asking
        again of each row whether she may see its activity. Never on any other."""
        who = self.person_field
        parted = Block.objects.filter(
            Q(blocker=OuterRef("activity__owner"), blocked=OuterRef(who))
            | Q(blocker=OuterRef(who), blocked=OuterRef("activity__owner"))
        )
        shown = self.filter(**{f"{who}__is_active": True}).exclude(Exists(parted))
        me = signed_in(viewer)
        if me is None:
            return shown
        # Her blocks, read with her ties for a page that asks often, or as a subquery.
        return shown.exclude(
            Q(**{f"{who}__in": sorted(ties.blocked)}) if ties is not None else blocked_q(me, who)
        )


class ReactionQuerySet(SaidQuerySet["Reaction"]):
    person_field = "person"


class CommentQuerySet(SaidQuerySet["Comment"]):
    person_field = "author"

    def shown_beside(
        self, viewer: User | AnonymousUser | None, ties: Ties | None = None
    ) -> CommentQuerySet:
        """As for reactions; a comment a moderator hid is shown to its author alone."""
        shown = super().shown_beside(viewer, ties)
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
    notifications = _notifications()

    objects: ClassVar[ReactionQuerySet] = ReactionQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["activity", "person"], name="one_reaction_each"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} by {self.person_id} on {self.activity_id}"

    @property
    def emoji(self) -> str:
        return EMOJI[ReactionKind(self.kind)]

    def notice_for(self, reader: User) -> tuple[str, str | None] | None:
        return Reaction.notices_for([self], reader)[self.pk]

    @classmethod
    def notices_for(
        cls, rows: list[Reaction], reader: User
    ) -> dict[int, tuple[str, str | None] | None]:
        """The owner's grouped notices: "Meera and 3 others gave kudos to Hill run".

        Each reaction here is the newest of its group (reactions.py re-points the notice
        at each new one), so its group is every reaction on the activity up to it that
        the reader is shown now: a blocked or suspended reactor is neither named nor
        counted, and when none is left the notice is not shown at all. One query for all
        of them: the reader's own activities, their reactions and who gave them."""
        shown = (
            Reaction.objects.shown_to(reader)
            .filter(activity_id__in={r.activity_id for r in rows}, activity__owner=reader)
            .exclude(person=reader)
            .select_related("person", "activity")
            .order_by("-created", "-id")
        )
        on: dict[int, list[Reaction]] = {}
        for reaction in shown:
            on.setdefault(reaction.activity_id, []).append(reaction)
        told: dict[int, tuple[str, str | None] | None] = {}
        for row in rows:
            group = [r for r in on.get(row.activity_id, []) if r.created <= row.created]
            if not group:
                told[row.pk] = None
                continue
            who = group[0].person.name
            if len(group) > 1:
                others = len(group) - 1
                who += f" and {others} other{'s' if others > 1 else ''}"
            kudos = all(r.kind == ReactionKind.KUDOS for r in group)
            did = "gave kudos to" if kudos else "reacted to"
            text = f"{who} {did} {group[0].activity.title}"
            told[row.pk] = text, _activity_url(row.activity_id, "reactions")
        return told


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
    notifications = _notifications()

    objects: ClassVar[CommentQuerySet] = CommentQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["created", "id"]
        indexes = [
            # A conversation is read in order, per activity; the feed reads its first lines.
            models.Index(fields=["activity", "created", "id"], name="comment_thread"),
        ]

    def __str__(self) -> str:
        return f"comment {self.pk} by {self.author_id} on {self.activity_id}"

    @property
    def anchor(self) -> str:
        return f"comment-{self.pk}"

    def notice_for(self, reader: User) -> tuple[str, str | None] | None:
        return Comment.notices_for([self], reader)[self.pk]

    @classmethod
    def notices_for(
        cls, rows: list[Comment], reader: User
    ) -> dict[int, tuple[str, str | None] | None]:
        """ "Meera commented on Hill run: “Lovely pace”" for the owner, "replied" for an
        earlier commenter; None once the reader is not shown the comment (a block, a
        stricter visibility, a moderator's hiding, a suspended author). One query."""
        shown = Comment.objects.shown_to(reader).select_related("activity", "author")
        found = {c.pk: c for c in shown.filter(pk__in=[r.pk for r in rows])}
        told: dict[int, tuple[str, str | None] | None] = {}
        for row in rows:
            comment = found.get(row.pk)
            if comment is None:
                told[row.pk] = None
                continue
            activity = comment.activity
            did = "commented on" if reader.pk == activity.owner_id else "replied on"
            text = f"{comment.author.name} {did} {activity.title}: “{_snippet(comment.body)}”"
            told[row.pk] = text, _activity_url(activity.pk, comment.anchor)
        return told


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
    notifications = _notifications()

    # Brought in line with its text each time the text is saved (mentions.py), so no
    # constraint is needed.

    def __str__(self) -> str:
        return f"@{self.person_id} in {self.comment_id or 'description'} of {self.activity_id}"

    def notice_for(self, reader: User) -> tuple[str, str | None] | None:
        return Mention.notices_for([self], reader)[self.pk]

    @classmethod
    def notices_for(
        cls, rows: list[Mention], reader: User
    ) -> dict[int, tuple[str, str | None] | None]:
        """ "Asha mentioned you in a comment on Hill run"; None once the reader may not
        see the activity (or the comment). Two queries at most, for all of them."""
        mine = [row for row in rows if row.person_id == reader.pk]
        in_descriptions = {row.activity_id for row in mine if row.comment_id is None}
        in_comments = {row.comment_id for row in mine if row.comment_id is not None}
        activities = {}
        if in_descriptions:
            seen = Activity.objects.visible_to(reader).select_related("owner")
            activities = {a.pk: a for a in seen.filter(pk__in=in_descriptions)}
        comments = {}
        if in_comments:
            shown = Comment.objects.shown_to(reader).select_related("activity", "author")
            comments = {c.pk: c for c in shown.filter(pk__in=in_comments)}
        told: dict[int, tuple[str, str | None] | None] = {row.pk: None for row in rows}
        for row in mine:
            if row.comment_id is None:
                activity = activities.get(row.activity_id)
                if activity is not None:
                    text = f"{activity.owner.name} mentioned you in {activity.title}"
                    told[row.pk] = text, _activity_url(activity.pk, "activity-title")
                continue
            comment = comments.get(row.comment_id)
            if comment is not None:
                text = (
                    f"{comment.author.name} mentioned you in a comment on {comment.activity.title}"
                )
                told[row.pk] = text, _activity_url(comment.activity_id, comment.anchor)
        return told

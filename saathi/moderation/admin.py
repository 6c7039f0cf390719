"""Reports in the admin: the queue, what each names as the staff see it, and the
decisions (moderation/decisions.py) as actions on the selected reports. Comments are
here too, to hide one or show it again without a report."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.conversations.models import Comment
from saathi.moderation.decisions import DecisionError, decide
from saathi.moderation.models import Action, Report

AdminAction = Callable[[Any, HttpRequest, QuerySet[Report]], None]


def _decision(action: Action, description: str) -> AdminAction:
    def take(model_admin: Any, request: HttpRequest, reports: QuerySet[Report]) -> None:
        assert isinstance(request.user, User)
        answered: set[int] = set()
        refused: set[str] = set()
        for report in reports:
            if report.pk in answered:
                continue  # about the same thing as one before it: answered with it
            try:
                answered |= decide(report=report, staff=request.user, action=action)
            except DecisionError as error:
                refused.add(str(error))
        if answered:
            said = f"{action.label}: {len(answered)} report(s) answered."
            model_admin.message_user(request, said)
        for reason in sorted(refused):
            model_admin.message_user(request, reason, level=messages.WARNING)

    take.__name__ = action.value
    return admin.action(description=description)(take)


def _link(name: str, pk: Any, text: str) -> SafeString:
    return format_html('<a href="{}">{}</a>', reverse(name, args=[pk]), text)


def _person(person: User) -> SafeString:
    state = "" if person.is_active else " — suspended"
    return format_html(
        "{} ({}){}",
        person.name,
        _link("admin:accounts_user_change", person.pk, f"@{person.handle}"),
        state,
    )


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["created", "kind", "what", "reason", "reporter", "status", "action"]
    list_filter = ["status", "reason", "kind"]
    date_hierarchy = "created"
    search_fields = ["reporter__handle", "person__handle", "note"]
    list_select_related = ["reporter", "comment__author", "activity__owner", "person"]
    fields = (
        "reporter",
        "kind",
        "reported",
        "reason",
        "note",
        "created",
        "status",
        "action",
        "handled_by",
        "handled_at",
    )
    readonly_fields = fields
    actions = [
        _decision(Action.HID, "Hide what was reported (its author still sees it)"),
        _decision(Action.UNHID, "Show what was reported again"),
        _decision(Action.REMOVED, "Remove what was reported (deletes it)"),
        _decision(Action.SUSPENDED, "Suspend the account of whoever it is by"),
        _decision(Action.UNSUSPENDED, "Lift the suspension of that account"),
        _decision(Action.DISMISSED, "Dismiss: nothing wrong"),
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # reports come from the report pages only

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a report is changed by the actions, which say who and when

    @admin.display(description="what")
    def what(self, report: Report) -> str:
        thing = report.reported
        if thing is None:
            return "(gone)"
        if isinstance(thing, Comment):
            return f"{thing.body[:60]} — @{thing.author.handle}"
        if isinstance(thing, Activity):
            return f"{thing.title} — @{thing.owner.handle}"
        assert isinstance(thing, User)
        return f"@{thing.handle}"

    @admin.display(description="reported")
    def reported(self, report: Report) -> SafeString | str:
        thing = report.reported
        if thing is None:
            return "Gone: removed, or deleted by its author."
        if isinstance(thing, Comment):
            hidden = " (hidden)" if thing.hidden else ""
            return format_html(
                "<blockquote>{}</blockquote>by {}, on {}{}",
                thing.body,
                _person(thing.author),
                _link("activities:detail", thing.activity_id, thing.activity.title),
                hidden,
            )
        if isinstance(thing, Activity):
            hidden = " (hidden)" if thing.hidden_by_staff else ""
            return format_html(
                "{} by {}, seen by: {}{}",
                _link("activities:detail", thing.pk, thing.title),
                _person(thing.owner),
                thing.get_visibility_display(),
                hidden,
            )
        assert isinstance(thing, User)
        return format_html(
            "{}, {}", _person(thing), _link("profile", thing.handle, "their profile")
        )


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["created", "author", "activity", "body", "hidden"]
    list_filter = ["hidden"]
    search_fields = ["body", "author__handle"]
    raw_id_fields = ["activity", "author"]
    actions = ["hide", "unhide"]

    @admin.action(description="Hide the selected comments (their authors still see them)")
    def hide(self, request: HttpRequest, comments: QuerySet[Comment]) -> None:
        self.message_user(request, f"{comments.update(hidden=True)} comment(s) hidden.")

    @admin.action(description="Show the selected comments again")
    def unhide(self, request: HttpRequest, comments: QuerySet[Comment]) -> None:
        self.message_user(request, f"{comments.update(hidden=False)} comment(s) shown again.")

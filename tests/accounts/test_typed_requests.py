"""Views say by the type of their request what they receive; a view typed for a signed-in
person (AuthedRequest) sends anyone else to log in before it runs. And "today" is the
person's own date, in their home time zone."""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver

from saathi.accounts.models import User
from saathi.accounts.requests import AuthedRequest


def _views(patterns: list[Any] | None = None) -> Iterator[Callable[..., Any]]:
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from _views(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            yield pattern.callback


def _typed_for_a_signed_in_person(view: Callable[..., Any]) -> bool:
    inner = inspect.unwrap(view)
    if not inspect.isfunction(inner):
        return False
    return typing.get_type_hints(inner).get("request") is AuthedRequest


AUTHED_VIEWS = sorted(
    {view for view in _views() if _typed_for_a_signed_in_person(view)},
    key=lambda view: f"{view.__module__}.{view.__name__}",
)


def test_the_pages_of_every_app_are_typed_for_a_signed_in_person() -> None:
    apps = {view.__module__ for view in AUTHED_VIEWS}
    assert {"saathi.activities.views", "saathi.progress.views", "saathi.records.views"} <= apps
    assert "saathi.accounts.views" in apps


@pytest.mark.parametrize("view", AUTHED_VIEWS, ids=lambda view: view.__name__)
def test_a_view_typed_for_a_signed_in_person_sends_a_visitor_to_log_in(
    view: Callable[..., Any],
) -> None:
    request = RequestFactory().post("/somewhere/")
    request.user = AnonymousUser()
    arguments = [name for name in inspect.signature(view).parameters if name != "request"]
    response = view(request, **dict.fromkeys(arguments, "1"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_today_is_the_persons_date_in_their_home_time_zone() -> None:
    evening_in_london = datetime(2026, 1, 1, 20, 0, tzinfo=UTC)
    assert User(time_zone="Asia/Kolkata").today(evening_in_london) == date(2026, 1, 2)
    assert User(time_zone="America/Los_Angeles").today(evening_in_london) == date(2026, 1, 1)
    assert User(time_zone="Asia/Kolkata").local_now(evening_in_london).hour == 1

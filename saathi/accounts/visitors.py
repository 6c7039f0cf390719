"""Pages a visitor who has not signed in may see when their owner allows it.

An activity shared with everyone, of a person whose profile is public, is open to anyone
with the link; every other page asks a visitor to sign in first. So that a visitor cannot
tell a hidden page from a missing one, both ask her to sign in, as `login_required` would.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseBase

from saathi.accounts.requests import HtmxRequest

View = TypeVar("View", bound=Callable[..., HttpResponseBase])


def sign_in_unless_found(view: View) -> View:
    """For a visitor, turn the view's 404 into "sign in first"; signed-in people keep it."""

    @wraps(view)
    def wrapper(request: HtmxRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        try:
            return view(request, *args, **kwargs)
        except Http404:
            if request.user.is_authenticated:
                raise
            return redirect_to_login(request.get_full_path())

    return cast(View, wrapper)

"""The requests views receive, typed once for every app.

django-htmx's middleware gives every request `htmx`; behind `login_required` the user
is a signed-in `User`. A view says which it gets by the type of its `request`, instead
of asserting the user's class or telling mypy to look away from `request.htmx`.
"""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from saathi.accounts.models import User


class HtmxRequest(HttpRequest):
    """Any request, signed in or not."""

    htmx: HtmxDetails


class AuthedRequest(HtmxRequest):
    """A request to a view behind `login_required`: its user is signed in."""

    user: User

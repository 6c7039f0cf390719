"""Account pages: sign up, log in, a person's profile and their own settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView, PasswordResetView
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.debug import sensitive_post_parameters
from django.views.static import serve

from saathi.accounts import login_limits
from saathi.accounts.forms import (
    LoginForm,
    SettingsForm,
    SignupForm,
    handle_problem,
    login_handle,
)
from saathi.accounts.handles import normalise_handle
from saathi.accounts.models import User
from saathi.accounts.requests import AuthedRequest, HtmxRequest


@sensitive_post_parameters("password1", "password2")
def signup(request: HtmxRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("dashboard")
    if request.htmx and "handle" in request.GET:
        typed = request.GET["handle"]
        context = {"handle": normalise_handle(typed), "problem": handle_problem(typed)}
        return render(request, "registration/handle_status.html", context)
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user)
        messages.success(request, f"Welcome to Saathi, {user.name}.")
        return redirect("dashboard")
    return render(request, "registration/signup.html", {"form": form})


class RateLimitedLoginView(LoginView):
    """Django's login view, refusing to check a password once the guesses are used up.

    The check comes before the password is hashed, so a locked-out guesser learns
    nothing from a correct password and costs us no Argon2 time.
    """

    form_class = LoginForm
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.handle = login_handle(request.POST.get("username", ""))
        self.address = login_limits.client_address(request)
        lockout = login_limits.lockout(self.handle, self.address)
        if lockout is not None:
            form = self.form_class(request, initial={"username": request.POST.get("username")})
            context = self.get_context_data(form=form, lockout=lockout)
            return self.render_to_response(context, status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: Any) -> HttpResponse:
        login_limits.forget_failures(self.handle)
        return super().form_valid(form)

    def form_invalid(self, form: Any) -> HttpResponse:
        if form.has_error(NON_FIELD_ERRORS, "invalid_login"):
            login_limits.record_failure(self.handle, self.address)
        return super().form_invalid(form)


class ThrottledPasswordResetView(PasswordResetView):
    """Django's reset form, sending at most the login limit of emails per address and sender.

    Without it anyone could fill a person's inbox with reset emails.
    """

    def form_valid(self, form: Any) -> HttpResponse:
        email: str = form.cleaned_data["email"]
        address = login_limits.client_address(self.request)
        lockout = login_limits.lockout(email, address, kind="reset")
        if lockout is not None:
            context = self.get_context_data(form=form, lockout=lockout)
            return self.render_to_response(context, status=429)
        login_limits.record_failure(email, address, kind="reset")
        return super().form_valid(form)


def admin_login(request: HtmxRequest) -> HttpResponse:
    """The admin's own login form would be a second door without the rate limit.

    Someone already signed in who reaches it lacks staff rights; sending them to log in
    again would loop straight back here.
    """
    if request.user.is_authenticated:
        raise PermissionDenied("Only staff can use the admin.")
    query = request.META.get("QUERY_STRING", "")
    return redirect(f"{reverse('login')}?{query}" if query else reverse("login"))


def old_profile(request: HtmxRequest, handle: str) -> HttpResponse:
    """Profiles moved to /people/<handle>/; links to the old address keep working."""
    return redirect("profile", handle=normalise_handle(handle), permanent=True)


def avatar_file(request: HtmxRequest, name: str) -> HttpResponseBase:
    """Avatars have unguessable names and are shown to everyone signed in, so anyone with
    the link may fetch one; other media are served by their apps, which check who may see.
    """
    return serve(request, name, document_root=str(Path(settings.MEDIA_ROOT) / "avatars"))


@login_required
def settings_page(request: AuthedRequest) -> HttpResponse:
    # A fresh copy, always of the signed-in user: there is no way to name anyone else,
    # and a rejected form must not leave its values on request.user for the header.
    me = User.objects.get(pk=request.user.pk)
    form = SettingsForm(request.POST or None, request.FILES or None, instance=me)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your settings are saved.")
        return redirect("settings")
    return render(request, "accounts/settings.html", {"form": form})

"""The account forms: sign up, log in, and the settings a person edits about themselves."""

from __future__ import annotations

from functools import cache
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm
from django.core.files.uploadedfile import UploadedFile
from django.forms.utils import flatatt
from django.urls import reverse_lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from saathi.accounts.avatars import AvatarError, normalise_avatar
from saathi.accounts.handles import normalise_handle, validate_handle
from saathi.accounts.models import User, time_zone_names
from saathi.accounts.sharing import Visibility
from saathi.system.files import remove_after_commit


def login_handle(identifier: str) -> str:
    """The handle someone means when they type a handle or an email address to log in."""
    identifier = identifier.strip()
    if "@" in identifier.lstrip("@"):
        user = User.objects.filter(email__iexact=identifier).only("handle").first()
        if user is not None:
            return user.handle
    return normalise_handle(identifier)


def handle_problem(typed: str) -> str | None:
    """Why this handle cannot be had, or None when it is free."""
    handle = normalise_handle(typed)
    try:
        validate_handle(handle)
    except forms.ValidationError as error:
        return error.messages[0]
    if User.objects.filter(handle__iexact=handle).exists():
        return "That handle is taken."
    return None


class SignupForm(BaseUserCreationForm):  # type: ignore[type-arg]
    error_messages = {
        "password_mismatch": "The two passwords differ; please type the same one twice."
    }

    class Meta:
        model = User
        fields = ("handle", "email", "display_name")
        labels = {"handle": "Handle", "email": "Email", "display_name": "Display name"}
        widgets = {
            "handle": forms.TextInput(
                attrs={
                    "autocapitalize": "none",
                    "autocomplete": "username",
                    "spellcheck": "false",
                    # Says whether the handle is free while it is typed (see views.signup).
                    "hx-get": reverse_lazy("signup"),
                    "hx-trigger": "input changed delay:400ms",
                    "hx-target": "#handle-status",
                    "aria-describedby": "id_handle_helptext id_handle_error handle-status",
                }
            ),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "display_name": forms.TextInput(attrs={"autocomplete": "name"}),
        }
        help_texts = {"display_name": "How others see your name, e.g. Asha Rao."}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password1"].label = "Password"
        self.fields["password2"].label = "Password (again)"
        self.fields["password2"].help_text = ""

    def clean_handle(self) -> str:
        handle = normalise_handle(self.cleaned_data["handle"])
        problem = handle_problem(handle)
        if problem:
            raise forms.ValidationError(problem)
        return handle

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"]
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("An account with that email address already exists.")
        return email


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label="Handle or email",
        max_length=254,
        widget=forms.TextInput(
            attrs={"autofocus": True, "autocapitalize": "none", "autocomplete": "username"}
        ),
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "That handle or email and password do not match an account.",
        "inactive": (
            "This account is suspended by the site's staff: it cannot sign in, and what it "
            "shared is hidden from others, until they lift the suspension."
        ),
    }

    def clean_username(self) -> str:
        return login_handle(self.cleaned_data["username"])

    def get_invalid_login_error(self) -> forms.ValidationError:
        """Django's backend turns a suspended (inactive) account away as if the password
        were wrong; whoever knows the password is told why instead. Only an inactive
        account's password is hashed a second time."""
        handle = self.cleaned_data.get("username", "")
        suspended = User.objects.filter(handle=handle, is_active=False).first()
        password = self.cleaned_data.get("password") or ""
        if suspended is not None and suspended.check_password(password):
            return forms.ValidationError(self.error_messages["inactive"], code="inactive")
        return super().get_invalid_login_error()


@cache
def _time_zone_options() -> dict[str, SafeString]:
    return {
        zone: format_html('<option value="{}">{}</option>', zone, zone)
        for zone in time_zone_names()
    }


class TimeZoneSelect(forms.Select):
    """A select of every time zone, its options escaped once per process.

    Django renders each option through a template and normalises the choices on every
    form; for ~600 zones that was most of the settings page's time.
    """

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        final = self.build_attrs(self.attrs, attrs)
        final["name"] = name
        options = _time_zone_options()
        chosen = options.get(value)
        body = "".join(options.values())
        if chosen is not None:
            body = body.replace(chosen, chosen.replace("<option ", "<option selected ", 1), 1)
        return format_html("<select{}>{}</select>", flatatt(final), mark_safe(body))


# Who may follow, find and see a person (accounts/sharing.py).
SHARING_FIELDS = (
    "approve_followers",
    "findable_by",
    "public_profile",
    "default_visibility",
    "default_map_visibility",
    "match_with",
)


class SettingsForm(forms.ModelForm):  # type: ignore[type-arg]
    # Checked against the zone names by the model field's validator.
    time_zone = forms.CharField(
        label="Home time zone",
        help_text="Days, weeks and streaks are counted in this zone.",
        widget=TimeZoneSelect,
    )

    class Meta:
        model = User
        fields = (
            "display_name",
            "email",
            "avatar",
            "time_zone",
            "units",
            "birth_year",
            "sex",
            "resting_hr",
            "max_hr",
            "bio",
            "home_region",
            *SHARING_FIELDS,
        )
        labels = {
            "email": "Email",
            "display_name": "Display name",
            "avatar": "Photo",
            "bio": "About you",
            "home_region": "Home region",
        }
        help_texts = {
            "bio": "A line or two on your profile.",
            "home_region": "Free text, e.g. Srinagar. Shown on your profile.",
        }
        widgets = {
            "avatar": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
            "units": forms.RadioSelect,
            "bio": forms.Textarea(attrs={"rows": 3}),
            "findable_by": forms.RadioSelect,
            "default_visibility": forms.RadioSelect,
            "default_map_visibility": forms.RadioSelect,
            "match_with": forms.RadioSelect,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["birth_year"].widget.attrs.update(inputmode="numeric")
        for name in ("resting_hr", "max_hr"):
            self.fields[name].widget.attrs.update(inputmode="numeric")

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        activity, route = cleaned.get("default_visibility"), cleaned.get("default_map_visibility")
        if activity and route and Visibility.rank(route) > Visibility.rank(activity):
            self.add_error(
                "default_map_visibility",
                f"The map cannot be seen by more people than the activity: choose "
                f"“{Visibility(activity).label}” or fewer.",
            )
        return cleaned

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"]
        others = User.objects.exclude(pk=self.instance.pk)
        if others.filter(email__iexact=email).exists():
            raise forms.ValidationError("Another account already uses that email address.")
        return email

    def save(self, commit: bool = True) -> User:
        replaced = getattr(self.initial.get("avatar"), "name", "")
        user: User = super().save(commit=commit)
        # The old photo would otherwise stay on disk or S3 with no row pointing at it.
        if commit and replaced and replaced != user.avatar.name:
            remove_after_commit(User, "avatar", replaced)
        return user

    def clean_avatar(self) -> Any:
        avatar = self.cleaned_data.get("avatar")
        if not isinstance(avatar, UploadedFile):
            return avatar  # unchanged, or cleared
        try:
            return normalise_avatar(avatar)
        except AvatarError as error:
            raise forms.ValidationError(str(error)) from None


class DeleteAccountForm(forms.Form):
    """The password again before an account goes: a session left open on a shared
    computer must not be enough to delete someone's years of training."""

    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                "That is not your password, so nothing was deleted. Please try again.",
                code="wrong_password",
            )
        return password

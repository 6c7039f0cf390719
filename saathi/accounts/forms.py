"""The account forms: sign up, log in, and the settings a person edits about themselves."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm
from django.core.files.uploadedfile import UploadedFile

from saathi.accounts.avatars import AvatarError, normalise_avatar
from saathi.accounts.handles import normalise_handle
from saathi.accounts.models import User, time_zone_names


def login_handle(identifier: str) -> str:
    """The handle someone means when they type a handle or an email address to log in."""
    identifier = identifier.strip()
    if "@" in identifier.lstrip("@"):
        user = User.objects.filter(email__iexact=identifier).only("handle").first()
        if user is not None:
            return user.handle
    return normalise_handle(identifier)


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
                attrs={"autocapitalize": "none", "autocomplete": "username", "spellcheck": "false"}
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
        if User.objects.filter(handle__iexact=handle).exists():
            raise forms.ValidationError("That handle is taken.")
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
    }

    def clean_username(self) -> str:
        return login_handle(self.cleaned_data["username"])


class SettingsForm(forms.ModelForm):  # type: ignore[type-arg]
    time_zone = forms.ChoiceField(
        label="Home time zone",
        help_text="Days, weeks and streaks are counted in this zone.",
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
        )
        labels = {"email": "Email", "display_name": "Display name", "avatar": "Photo"}
        widgets = {
            "avatar": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
            "units": forms.RadioSelect,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        time_zone = self.fields["time_zone"]
        assert isinstance(time_zone, forms.ChoiceField)
        time_zone.choices = [(name, name) for name in time_zone_names()]
        self.fields["birth_year"].widget.attrs.update(inputmode="numeric")
        for name in ("resting_hr", "max_hr"):
            self.fields[name].widget.attrs.update(inputmode="numeric")

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
            user.avatar.storage.delete(replaced)
        return user

    def clean_avatar(self) -> Any:
        avatar = self.cleaned_data.get("avatar")
        if not isinstance(avatar, UploadedFile):
            return avatar  # unchanged, or cleared
        try:
            return normalise_avatar(avatar)
        except AvatarError as error:
            raise forms.ValidationError(str(error)) from None

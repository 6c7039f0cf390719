"""The notification settings form: off, in Saathi or by email for each kind; the digest."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings

from saathi.notifications.models import How, Kind, Preferences


class PreferencesForm(forms.Form):
    daily_digest = forms.BooleanField(
        label="One email a day (a digest) instead of one per notification",
        required=False,
    )

    def __init__(self, data: Any = None, *, preferences: Preferences) -> None:
        initial: dict[str, object] = {kind: preferences.how(kind) for kind in Kind.values}
        initial["daily_digest"] = preferences.daily_digest
        super().__init__(data, initial=initial)
        self.preferences = preferences
        self.fields["daily_digest"].help_text = (
            f"Sent at {settings.SAATHI_DIGEST_HOUR:02d}:00 in your home time zone "
            f"({preferences.person.time_zone}), only when there is something new."
        )
        for kind in Kind:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label, choices=How.choices, widget=forms.RadioSelect, required=False
            )

    def kind_fields(self) -> list[forms.BoundField]:
        return [self[kind] for kind in Kind.values]

    def save(self) -> Preferences:
        preferences = self.preferences
        # A kind missing from the post (a page opened before the kind existed) keeps
        # what it was.
        preferences.choices = {
            kind: self.cleaned_data[kind] or preferences.how(kind) for kind in Kind.values
        }
        preferences.daily_digest = self.cleaned_data["daily_digest"]
        preferences.save()
        return preferences

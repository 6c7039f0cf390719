"""Forms for the activity pages: they parse what was typed; the domain functions decide."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from saathi.accounts.models import time_zone_names
from saathi.accounts.sharing import LEVEL_CHOICES
from saathi.activities.models import Activity, Visibility
from saathi.activities.sports import Sport, needs_distance
from saathi.units import Units

ACCEPT = ".fit,.gpx,.tcx,.gz,.zip,.FIT,.GPX,.TCX"
_DURATION = re.compile(r"^\s*(?:(\d+):)?(\d{1,2}):(\d{2})\s*$|^\s*(\d+)\s*$")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one picker (Django's documented recipe)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    uploads = MultipleFileField(
        label="Activity files",
        help_text="FIT, GPX or TCX, plain or gzipped, or a ZIP of them (a Strava export works).",
    )

    def clean_uploads(self) -> list[UploadedFile]:
        files: list[UploadedFile] = self.cleaned_data["uploads"]
        limit_mb = settings.UPLOAD_MAX_MB
        total = sum(f.size or 0 for f in files)
        if total > limit_mb * 1024 * 1024:
            raise ValidationError(
                f"These files weigh {total / 1024 / 1024:,.0f} MB together; one upload may "
                f"hold up to {limit_mb:,} MB. Upload them in smaller batches."
            )
        return files


def parse_duration(value: str) -> float:
    """ "1:02:03", "42:10" or a number of minutes, as seconds."""
    match = _DURATION.match(value or "")
    if not match:
        raise ValidationError("Enter the duration as h:mm:ss, such as 1:02:03 or 45:00.")
    hours, minutes, seconds, only_minutes = match.groups()
    if only_minutes is not None:
        return int(only_minutes) * 60.0
    if int(seconds) >= 60 or (hours is not None and int(minutes) >= 60):
        raise ValidationError("Minutes and seconds run from 00 to 59.")
    return int(hours or 0) * 3600.0 + int(minutes) * 60.0 + int(seconds)


class ManualActivityForm(forms.Form):
    sport = forms.ChoiceField(choices=Sport.choices, initial=Sport.RUN)
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(label="Start time", widget=forms.TimeInput(attrs={"type": "time"}))
    duration = forms.CharField(
        help_text="h:mm:ss, such as 1:02:03",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "0:45:00"}),
    )
    distance = forms.FloatField(required=False, min_value=0)
    elevation = forms.FloatField(label="Elevation gain", required=False, min_value=0)
    title = forms.CharField(required=False, max_length=200)
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    perceived_effort = forms.TypedChoiceField(
        label="How hard it felt",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Not said"), *[(n, str(n)) for n in range(1, 11)]],
        help_text="1 is very easy, 10 is all you had.",
    )

    def __init__(self, *args: Any, units: Units = Units.METRIC, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.units = units
        self.fields["distance"].label = f"Distance ({units.distance_unit[0]})"
        self.fields["elevation"].label = f"Elevation gain ({units.elevation_unit[0]})"
        self.fields["distance"].help_text = "Leave empty for yoga, strength and the like."

    def clean_duration(self) -> float:
        return parse_duration(self.cleaned_data["duration"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        sport = data.get("sport")
        if sport and needs_distance(sport) and data.get("distance") in (None, 0):
            self.add_error("distance", f"A {Sport(sport).label.lower()} needs a distance.")
        return data

    def figures(self) -> dict[str, Any]:
        """The cleaned form as create_manual_activity's keyword arguments."""
        data = self.cleaned_data
        distance, elevation = data.get("distance"), data.get("elevation")
        return {
            "sport": data["sport"],
            "start": datetime.combine(data["date"], data["time"]),
            "duration_s": data["duration"],
            "distance_m": None if distance is None else distance * self.units.distance_unit[1],
            "ascent_m": None if elevation is None else elevation * self.units.elevation_unit[1],
            "title": data.get("title") or "",
            "description": data.get("description") or "",
            "perceived_effort": data.get("perceived_effort"),
        }

    # The domain's field names, where its errors are shown.
    ERROR_FIELDS = {
        "start": "time",
        "duration_s": "duration",
        "distance_m": "distance",
        "ascent_m": "elevation",
    }

    def show_errors(self, error: ValidationError) -> None:
        for name, messages in error.message_dict.items():
            field = self.ERROR_FIELDS.get(name, name)
            for message in messages:
                self.add_error(field if field in self.fields else None, message)


# Said of those who may see the activity: a wider choice than its visibility lets in no one more.
COMMENT_CHOICES = {
    Visibility.PUBLIC: "Everyone who can see it",
    Visibility.FOLLOWERS: "Followers and training partners",
    Visibility.PARTNERS: "Training partners only",
    Visibility.ONLY_ME: "Nobody: comments are closed",
}


class EditActivityForm(forms.ModelForm[Activity]):
    timezone = forms.ChoiceField(
        label="Time zone",
        help_text="Where it happened: the start time and the day follow it.",
    )

    class Meta:
        model = Activity
        fields = [
            "title",
            "description",
            "sport",
            "timezone",
            "visibility",
            "map_visibility",
            "comments_by",
            "perceived_effort",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "visibility": forms.RadioSelect,
            "map_visibility": forms.RadioSelect,
            "comments_by": forms.RadioSelect,
        }
        labels = {
            "visibility": "Who can see it",
            "map_visibility": "Who can see the map",
            "comments_by": "Who can comment",
            "perceived_effort": "How hard it felt (1-10)",
        }
        help_texts = {
            "map_visibility": "The route, its charts and splits and the GPX download; never "
            "more people than see the activity (a wider choice is narrowed to it). Others who "
            "see the activity see its title and figures only. The original file is yours alone.",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        zone = self.fields["timezone"]
        visibility = self.fields["visibility"]
        assert isinstance(zone, forms.ChoiceField) and isinstance(visibility, forms.ChoiceField)
        zone.choices = [(z, z) for z in time_zone_names()]
        levels = [(value, LEVEL_CHOICES[Visibility(value)]) for value in Visibility.values]
        visibility.choices = levels
        self.fields["map_visibility"].choices = levels  # type: ignore[attr-defined]
        comments = self.fields["comments_by"]
        assert isinstance(comments, forms.ChoiceField)
        comments.choices = list(COMMENT_CHOICES.items())
        # A form (or a script) that leaves it out keeps what the activity has.
        comments.required = False

    def clean_comments_by(self) -> str:
        return str(self.cleaned_data.get("comments_by") or self.instance.comments_by)

"""The report form: a reason from the fixed set, and a few words if she wants."""

from __future__ import annotations

from django import forms

from saathi.moderation.models import NOTE_MAX, Reason


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label="What is wrong with it?", choices=Reason.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label="Anything the staff should know",
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=f"Up to {NOTE_MAX:,} characters. Only the site's staff read it.",
    )

"""The comment form: plain text, up to 2,000 characters, not blank."""

from __future__ import annotations

from django import forms

from saathi.conversations.models import COMMENT_MAX


class CommentForm(forms.Form):
    body = forms.CharField(
        label="Comment",
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": COMMENT_MAX}),
        error_messages={
            "required": "Write something first.",
            "max_length": f"A comment is at most {COMMENT_MAX:,} characters; this one has "
            "%(show_value)d.",
        },
    )

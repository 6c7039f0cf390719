"""Answering a suggestion: "yes, we were together" from both joins the two activities on
one outing; a "no" from either is kept, so the pair is never suggested again."""

from __future__ import annotations

from django.db import transaction

from saathi.accounts.models import User
from saathi.together.models import Answer, Suggestion
from saathi.together.outings import join


class NotYours(Exception):
    """The suggestion is about someone else's activities."""


def answer(*, suggestion: Suggestion, person: User, yes: bool) -> Suggestion:
    with transaction.atomic():
        # Locked: both answering at once must still see each other's "yes".
        locked = (
            Suggestion.objects.select_for_update()
            .select_related("first", "second")
            .get(pk=suggestion.pk)
        )
        side = locked.side_of(person)
        if side is None:
            raise NotYours(f"suggestion {suggestion.pk} is not about {person}'s activities")
        setattr(locked, f"{side}_answer", Answer.YES if yes else Answer.NO)
        locked.save(update_fields=[f"{side}_answer"])
        if locked.accepted:
            join([locked.first, locked.second])
    return locked

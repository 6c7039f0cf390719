"""Handles: lowercase letters, digits and underscores, 3 to 30, unique whatever the case."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from saathi.accounts.handles import normalise_handle, validate_handle
from saathi.accounts.models import User


@pytest.mark.parametrize("handle", ["abc", "asha_rao", "runner42", "a" * 30, "___", "007"])
def test_these_handles_are_accepted(handle: str) -> None:
    validate_handle(handle)


@pytest.mark.parametrize(
    "handle",
    ["ab", "a" * 31, "Asha", "asha rao", "asha-rao", "asha.rao", "āsha", "आशा", "", "asha\n"],
)
def test_these_handles_are_refused(handle: str) -> None:
    with pytest.raises(ValidationError, match="3 to 30 characters"):
        validate_handle(handle)


@pytest.mark.parametrize("handle", ["admin", "settings", "everyone"])
def test_reserved_words_are_refused(handle: str) -> None:
    with pytest.raises(ValidationError, match="reserved"):
        validate_handle(handle)


@pytest.mark.parametrize(("typed", "meant"), [(" @Asha ", "asha"), ("ASHA_RAO", "asha_rao")])
def test_a_typed_handle_is_read_as_the_handle_it_means(typed: str, meant: str) -> None:
    assert normalise_handle(typed) == meant


@pytest.mark.django_db
def test_the_manager_refuses_an_invalid_handle() -> None:
    with pytest.raises(ValidationError):
        User.objects.create_user("no way", "x@example.org", "a long enough password")


@pytest.mark.django_db
def test_the_database_refuses_two_handles_differing_only_in_case() -> None:
    User.objects.create_user("asha", "one@example.org", "a long enough password")
    # Written around the validators, as a shell or a data migration could.
    with pytest.raises(IntegrityError):
        User(handle="ASHA", email="two@example.org").save()


@pytest.mark.django_db
def test_the_database_refuses_two_emails_differing_only_in_case() -> None:
    User.objects.create_user("asha", "asha@example.org", "a long enough password")
    with pytest.raises(IntegrityError):
        User(handle="other", email="ASHA@example.org").save()


def test_initials_come_from_the_display_name_else_the_handle() -> None:
    assert User(handle="asha", display_name="Asha Rao").initials == "AR"
    assert User(handle="asha", display_name="asha").initials == "A"
    assert User(handle="vikram_singh").initials == "VS"
    assert User(handle="x42", display_name="  ").initials == "X"

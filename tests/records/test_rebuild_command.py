"""`saathi manage rebuild_records` judges a history saved without records from scratch."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from saathi.accounts.models import User
from saathi.records.models import Milestone, Record
from tests.records.history import entry, stored


def test_it_restores_what_judging_made_and_names_who(owner: User, stranger: User) -> None:
    entry(owner, "2025-03-01 07:00", km=30)
    entry(owner, "2025-03-08 07:00", km=45)
    entry(stranger, "2025-03-08 07:00", km=20)
    judged = stored(owner), stored(stranger)
    Record.objects.all().delete()
    Milestone.objects.all().delete()
    out = StringIO()

    call_command("rebuild_records", stdout=out)

    assert (stored(owner), stored(stranger)) == judged
    assert "@asha: 2 activities judged" in out.getvalue()


def test_it_refuses_a_handle_nobody_has(owner: User) -> None:
    with pytest.raises(CommandError, match="no such person: nobody"):
        call_command("rebuild_records", "nobody", "asha", stdout=StringIO())

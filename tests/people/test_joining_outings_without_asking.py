"""Each partner chooses, for themselves, whether detected outings join without asking."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.people.models import Partnership
from saathi.people.relations import set_auto_join

pytestmark = pytest.mark.django_db


def test_each_side_keeps_its_own_consent(owner: User, partner: User) -> None:
    set_auto_join(person=owner, partner=partner, auto_joins=True)
    row = Partnership.objects.get()
    assert (row.asker, row.answerer) == (partner, owner)
    assert (row.asker_auto_joins, row.answerer_auto_joins) == (False, True)
    set_auto_join(person=partner, partner=owner, auto_joins=True)
    set_auto_join(person=owner, partner=partner, auto_joins=False)
    row.refresh_from_db()
    assert (row.asker_auto_joins, row.answerer_auto_joins) == (True, False)


def test_only_partners_have_the_choice(owner: User, stranger: User) -> None:
    with pytest.raises(Partnership.DoesNotExist):
        set_auto_join(person=owner, partner=stranger, auto_joins=True)

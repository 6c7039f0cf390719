"""The one rule has two spellings: `may_see` with subqueries, read when the SQL runs, and
with a person's ties (follows, partners, blocks) read once for a page that asks often (the
feed). For every kind of viewer and every level, both let through exactly the same rows."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.activities.models import Activity, Visibility
from saathi.people.circles import Ties, may_see
from saathi.people.models import Block, Follow
from tests.feed.entries import run

pytestmark = pytest.mark.django_db


def test_each_viewer_sees_the_same_rows_either_way(
    owner: User, partner: User, follower: User, awaiting: User, blocked: User, stranger: User
) -> None:
    for level in Visibility.values:
        run(owner, level=level, map_level=Visibility.ONLY_ME, title=f"asha {level}")
        run(stranger, level=level, title=f"vikram {level}")
    # Vikram blocked Farid: each is parted from the other, whoever blocked.
    Block.objects.create(blocker=stranger, blocked=follower)
    Follow.objects.create(follower=partner, followed=stranger, accepted=True)
    for viewer in (owner, partner, follower, awaiting, blocked, stranger):
        ties = Ties.of(viewer)
        for level in ("visibility", "map_visibility"):
            plain = set(Activity.objects.filter(may_see(viewer, level=level)))
            tied = set(Activity.objects.filter(may_see(viewer, level=level, ties=ties)))
            assert plain == tied, (viewer.handle, level)
        assert set(Activity.objects.visible_to(viewer)) == set(
            Activity.objects.visible_to(viewer, ties)
        )


def test_ties_are_read_in_one_query_and_name_blocks_both_ways(
    owner: User,
    partner: User,
    follower: User,
    awaiting: User,
    blocked: User,
    django_assert_num_queries: object,
) -> None:
    with django_assert_num_queries(1):  # type: ignore[operator]
        ties = Ties.of(owner)
    assert ties.partners == {partner.pk}
    assert ties.followed == set()  # she follows no one; Kiran still waits for her
    assert ties.blocked == {blocked.pk}
    assert Ties.of(blocked).blocked == {owner.pk}
    assert Ties.of(follower).followed == {owner.pk}
    assert Ties.of(awaiting).followed == set()


def test_ties_of_someone_else_are_refused(owner: User, stranger: User) -> None:
    with pytest.raises(ValueError, match="someone else"):
        may_see(owner, level="visibility", ties=Ties.of(stranger))

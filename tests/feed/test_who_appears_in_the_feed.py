"""Whose activities the feed shows: one's own, partners' and those of the people one
follows, each only if the viewer may see it; never a stranger's, a blocked person's or,
to someone whose follow is still awaiting, anything shared with followers."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.activities.models import Visibility
from saathi.people.models import Follow
from tests.feed.entries import entry_ids, feed_of, run
from tests.people import person

pytestmark = pytest.mark.django_db


def test_her_own_activities_are_in_her_feed_even_the_private_ones(owner: User) -> None:
    mine = run(owner, level=Visibility.ONLY_ME)
    assert entry_ids(feed_of(owner)) == [mine.pk]


def test_a_partner_sees_her_partners_level_activities(owner: User, partner: User) -> None:
    shared = run(owner, level=Visibility.PARTNERS)
    private = run(owner, minutes_after=10, level=Visibility.ONLY_ME)
    ids = entry_ids(feed_of(partner))
    assert shared.pk in ids
    assert private.pk not in ids


def test_a_follower_sees_what_she_shares_with_followers_but_not_partners(
    owner: User, follower: User
) -> None:
    public = run(owner, level=Visibility.PUBLIC)
    followers = run(owner, minutes_after=5, level=Visibility.FOLLOWERS)
    partners = run(owner, minutes_after=10, level=Visibility.PARTNERS)
    ids = entry_ids(feed_of(follower))
    assert public.pk in ids and followers.pk in ids
    assert partners.pk not in ids


def test_a_strangers_public_activity_is_not_in_the_feed_until_she_is_followed(
    owner: User, stranger: User
) -> None:
    public = run(owner, level=Visibility.PUBLIC)
    assert public.pk not in entry_ids(feed_of(stranger))
    Follow.objects.create(follower=stranger, followed=owner, accepted=True)
    assert public.pk in entry_ids(feed_of(stranger))


def test_someone_still_awaiting_her_answer_sees_nothing_of_hers(
    owner: User, awaiting: User
) -> None:
    run(owner, level=Visibility.FOLLOWERS)
    run(owner, minutes_after=5, level=Visibility.PUBLIC)
    assert entry_ids(feed_of(awaiting)) == []


def test_a_block_takes_her_out_of_the_feed_of_someone_who_follows_her(
    owner: User, blocked: User
) -> None:
    # Bela follows Asha and is a partner of hers, then Asha blocks her: nothing shows.
    Follow.objects.create(follower=blocked, followed=owner, accepted=True)
    run(owner, level=Visibility.PUBLIC)
    html = feed_of(blocked)
    assert entry_ids(html) == []
    assert "Asha" not in html


def test_the_feed_puts_everyone_together_newest_first(
    owner: User, partner: User, follower: User
) -> None:
    meera = person("meera", display_name="Meera Iyer")
    Follow.objects.create(follower=owner, followed=meera, accepted=True)
    first = run(owner, minutes_after=0)
    second = run(partner, minutes_after=10, level=Visibility.PARTNERS)
    third = run(meera, minutes_after=20)
    # Farid follows Asha; she does not follow him back, so his run is not in her feed.
    run(follower, minutes_after=30, level=Visibility.PUBLIC)
    html = feed_of(owner)
    assert entry_ids(html) == [third.pk, second.pk, first.pk]
    assert "Meera Iyer" in html and "Priya Nair" in html

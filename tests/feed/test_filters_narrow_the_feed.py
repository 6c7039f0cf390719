"""The feed's filters: everyone, only me, partners; and one sport. A filter that makes no
sense is ignored (the whole feed), not an error."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.activities.models import Visibility
from saathi.people.models import Follow
from tests.feed.entries import entry_ids, feed_of, run
from tests.people import person

pytestmark = pytest.mark.django_db


@pytest.fixture
def three(owner: User, partner: User) -> dict[str, int]:
    """Asha's run, her partner Priya's ride, and a walk by Meera, whom Asha follows."""
    meera = person("meera", display_name="Meera Iyer")
    Follow.objects.create(follower=owner, followed=meera, accepted=True)
    return {
        "mine": run(owner).pk,
        "partner": run(partner, minutes_after=5, sport="ride", level=Visibility.PARTNERS).pk,
        "followed": run(meera, minutes_after=10, sport="walk").pk,
    }


def test_only_me_shows_her_own(owner: User, three: dict[str, int]) -> None:
    assert entry_ids(feed_of(owner, "?show=me")) == [three["mine"]]


def test_partners_shows_her_partners_only(owner: User, three: dict[str, int]) -> None:
    assert entry_ids(feed_of(owner, "?show=partners")) == [three["partner"]]


def test_everyone_is_the_whole_feed(owner: User, three: dict[str, int]) -> None:
    expected = [three["followed"], three["partner"], three["mine"]]
    assert entry_ids(feed_of(owner, "?show=everyone")) == expected


def test_a_sport_keeps_that_sport_only(owner: User, three: dict[str, int]) -> None:
    assert entry_ids(feed_of(owner, "?sport=ride")) == [three["partner"]]
    assert entry_ids(feed_of(owner, "?sport=ride&show=me")) == []


def test_the_form_shows_the_filters_chosen(owner: User, three: dict[str, int]) -> None:
    html = feed_of(owner, "?show=partners&sport=ride")
    assert 'value="partners" checked' in html
    assert '<option value="ride" selected>' in html
    assert "Nothing here with these filters" not in html
    assert "Nothing here with these filters" in feed_of(owner, "?sport=yoga")


@pytest.mark.parametrize("query", ["?show=all", "?sport=running", "?show=", "?sport=%00"])
def test_a_filter_that_makes_no_sense_is_ignored(
    owner: User, three: dict[str, int], query: str
) -> None:
    assert len(entry_ids(feed_of(owner, query))) == 3

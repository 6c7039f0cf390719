"""An outing with several people the viewer follows is one entry, at her own activity on
it when she was there, else the newest of its activities she may see, naming everyone on
it she may see ("Kabir and Meera ran 5.0 km together"); the others are counted as
together's rule counts them, and someone a block parts her from is neither named nor
counted. On later pages an outing already shown is not shown again."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from saathi.accounts.models import User
from saathi.activities.models import Activity, Visibility
from saathi.feed import page
from saathi.people.models import Block, Follow
from tests.feed.entries import MORNING, entry_ids, every_page, feed_of, outing, run
from tests.people import person

pytestmark = pytest.mark.django_db


def _followed(viewer: User, handle: str, name: str) -> User:
    someone = person(handle, display_name=name)
    Follow.objects.create(follower=viewer, followed=someone, accepted=True)
    return someone


def _who(html: str, pk: int) -> str:
    entry = html[html.index(f'id="entry-activity-{pk}"') :]
    line = re.search(r'<p class="feed-who">(.*?)</p>', entry, re.S)
    assert line is not None
    return " ".join(re.sub(r"<[^>]+>", "", line.group(1)).split())


def test_two_people_she_follows_on_one_outing_are_one_entry(owner: User) -> None:
    kabir = _followed(owner, "kabir", "Kabir Mehta")
    meera = _followed(owner, "meera", "Meera Iyer")
    first = run(meera, minutes_after=0)
    newest = run(kabir, minutes_after=1)
    outing(first, newest)
    html = feed_of(owner)
    assert entry_ids(html) == [newest.pk]
    assert _who(html, newest.pk).startswith("Kabir Mehta and Meera Iyer ran 5.0 km together")


def test_she_is_named_first_as_you_when_she_was_there(owner: User) -> None:
    kabir = _followed(owner, "kabir", "Kabir Mehta")
    mine = run(owner, minutes_after=0)
    his = run(kabir, minutes_after=2)
    outing(mine, his)
    html = feed_of(owner)
    # The entry is her own run, though his is newer: its kudos and comments are hers.
    assert entry_ids(html) == [mine.pk]
    assert _who(html, mine.pk).startswith("You and Kabir Mehta ran 5.0 km together")
    # Kabir's feed leads with his own.
    Follow.objects.create(follower=kabir, followed=owner, accepted=True)
    assert entry_ids(feed_of(kabir)) == [his.pk]
    assert entry_ids(feed_of(owner, "?show=me")) == [mine.pk]


def test_who_is_named_who_is_counted_and_who_is_left_out(owner: User) -> None:
    kabir = _followed(owner, "kabir", "Kabir Mehta")
    zoya = person("zoya", display_name="Zoya Ali")  # not followed; her run is public
    dev = person("dev", display_name="Dev Rao")  # not followed; followers only
    ravi = person("ravi", display_name="Ravi Shah")  # only me
    bela = person("bela", display_name="Bela Roy")  # public, but blocks Asha
    Block.objects.create(blocker=bela, blocked=owner)
    lead = run(kabir, minutes_after=5)
    outing(
        lead,
        run(zoya, level=Visibility.PUBLIC),
        run(dev, level=Visibility.FOLLOWERS),
        run(ravi, level=Visibility.ONLY_ME),
        run(bela, level=Visibility.PUBLIC),
    )
    html = feed_of(owner)
    assert entry_ids(html) == [lead.pk]
    assert _who(html, lead.pk).startswith("Kabir Mehta, Zoya Ali and 1 other ran")
    for hidden in ("Dev Rao", "Ravi Shah", "Bela Roy"):
        assert hidden not in html


def test_an_outing_shown_on_one_page_is_not_shown_on_the_next(
    owner: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(page, "PAGE_SIZE", 2)
    kabir = _followed(owner, "kabir", "Kabir Mehta")
    meera = _followed(owner, "meera", "Meera Iyer")
    # Newest first: Kabir's run on the outing (page 1), a run of Asha's (page 1), then
    # Meera's run on the same outing (it would open page 2), and two more of Asha's.
    his = run(kabir, minutes_after=50)
    run(owner, minutes_after=40)
    hers = run(meera, minutes_after=30)
    run(owner, minutes_after=20)
    run(owner, minutes_after=10)
    outing(his, hers)
    pages = every_page(owner)
    shown = [pk for one in pages for pk in one]
    assert his.pk in pages[0]
    assert hers.pk not in shown
    assert len(shown) == len(set(shown)) == 4
    assert [len(one) for one in pages] == [2, 2]


def test_the_outing_is_at_the_newest_member_she_may_see(owner: User) -> None:
    kabir = _followed(owner, "kabir", "Kabir Mehta")
    meera = _followed(owner, "meera", "Meera Iyer")
    seen = run(kabir, minutes_after=0)
    # Meera's is newer, but for her partners only: Asha sees Kabir's.
    unseen = run(meera, minutes_after=5, level=Visibility.PARTNERS)
    outing(seen, unseen)
    html = feed_of(owner)
    assert entry_ids(html) == [seen.pk]
    assert "Meera Iyer" not in _who(html, seen.pk)
    assert _who(html, seen.pk).startswith("Kabir Mehta and 1 other ran")


def test_the_entry_carries_each_ones_milestone_saying_whose(owner: User) -> None:
    kabir = _followed(owner, "kabir", "Kabir Mehta")
    meera = _followed(owner, "meera", "Meera Iyer")
    short = run(meera, at=MORNING - timedelta(days=3), title="Short one")  # hers, shorter
    Activity.objects.filter(pk=short.pk).update(distance_m=3000)
    hers = run(meera, minutes_after=0)
    his = run(kabir, minutes_after=1)  # his first run: the entry is his, the record hers
    outing(hers, his)
    html = feed_of(owner)
    assert entry_ids(html) == [his.pk, short.pk]
    words = " ".join(re.sub(r"<[^>]+>", "", html).split())
    assert "Meera Iyer: 5.0 km — longest run so far, previous 3.0 km" in words
    assert "Kabir Mehta: First run" in words

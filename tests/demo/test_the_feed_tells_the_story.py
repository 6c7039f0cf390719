"""The couple's feed tells the demo's story: their training and their friends', the hill
run and the holiday ride once each as joint outings, her "longest ride so far" on the
ride, friends' kudos and comments, and on the hill run her words to him."""

from __future__ import annotations

import re

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.demo.chapters import HER, HIM
from saathi.demo.friends import ROHAN
from saathi.demo.talk import HER_ANSWER
from tests.feed.entries import entry_ids, feed_of, next_link


def person(handle: str) -> User:
    return User.objects.get(handle=handle)


def whole_feed(viewer: User) -> tuple[list[int], str]:
    """Every entry of every page, following "load more", and the pages' words."""
    ids, words, html = [], [], feed_of(viewer)
    while True:
        ids += entry_ids(html)
        words.append(" ".join(re.sub(r"<[^>]+>", " ", html).split()))
        link = next_link(html)
        if link is None:
            return ids, " ".join(words)
        html = feed_of(viewer, link)
        assert len(words) < 50


def outing_entries(ids: list[int], title: str) -> list[Activity]:
    return [a for a in Activity.objects.filter(pk__in=ids, title=title)]


def test_his_feed_shows_each_outing_once_with_both_and_her_words(small_demo: list[str]) -> None:
    kabir = person(HIM.handle)
    ids, words = whole_feed(kabir)
    assert len(ids) == len(set(ids))
    (hill,) = outing_entries(ids, "Khopoli to Lonavla")
    (ride,) = outing_entries(ids, "Baramulla to Uri")
    assert re.search(r"You and Meera Sehgal ran 2\d\.\d km together", words)
    assert re.search(r"You and Meera Sehgal rode 6\d\.\d km together", words)
    # His own activity leads each: his conversation, her words to him on the hill run;
    # her milestones are on it too, saying whose (her longest: test_the_holiday_ride_...).
    assert {hill.owner_id, ride.owner_id} == {kabir.pk}
    assert re.search(r"Meera Sehgal: (First ride|6\d\.\d km)", words)
    assert HER_ANSWER in words
    # Their friends' training is there too: Anil, whom he follows.
    assert "Tempo run to the lake and back" in words


def test_her_feed_has_sunitas_rides_and_the_outings_once(small_demo: list[str]) -> None:
    ids, words = whole_feed(person(HER.handle))
    assert len(outing_entries(ids, "Khopoli to Lonavla")) == 1
    assert len(outing_entries(ids, "Baramulla to Uri")) == 1
    assert "Round the Dal lake" in words
    assert "Tempo run to the lake and back" not in words  # she does not follow Anil


def test_rohan_sees_kabirs_side_only(small_demo: list[str]) -> None:
    # He follows Kabir alone: none of her followers-only activities, none of the friends'.
    ids, words = whole_feed(person(ROHAN.handle))
    assert ids and set(
        Activity.objects.filter(pk__in=ids).values_list("owner__handle", flat=True)
    ) == {HIM.handle}
    assert "Round the Dal lake" not in words and "Tempo run" not in words
    assert not re.search(r"Meera Sehgal: \S+ km — longest", words)

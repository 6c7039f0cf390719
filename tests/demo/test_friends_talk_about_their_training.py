"""The demo's conversations: friends' kudos on the couple's last weeks, a few comments, her
answer to him on the hill run, and each of them told of it as anyone would be."""

from __future__ import annotations

from saathi.accounts.models import User
from saathi.activities.models import Activity
from saathi.conversations.models import Comment, Reaction
from saathi.demo.chapters import HER, HIM
from saathi.demo.friends import ANIL, ROHAN, SUNITA
from saathi.demo.talk import HER_ANSWER
from tests.people import browser_of


def person(handle: str) -> User:
    return User.objects.get(handle=handle)


def words(viewer: User, url: str) -> str:
    response = browser_of(viewer).get(url)
    assert response.status_code == 200, url
    return " ".join(response.content.decode().split())


def test_on_the_hill_run_she_tells_him_everything_is_more_fun_with_him(
    small_demo: list[str],
) -> None:
    kabir, meera = person(HIM.handle), person(HER.handle)
    hill_run = Activity.objects.get(owner=kabir, title="Khopoli to Lonavla")
    said = Comment.objects.filter(activity=hill_run).order_by("created", "id")
    assert [(c.author.handle, c.body) for c in said][-1] == (HER.handle, HER_ANSWER)
    # He reads it on his run's page, under her heart.
    page = words(kabir, f"/activities/{hill_run.pk}/")
    assert HER_ANSWER in page
    assert Reaction.objects.filter(activity=hill_run, person=meera, kind="heart").exists()
    # And was told: her comment is one of his notifications.
    assert f"{HER.display_name} commented" in words(kabir, "/notifications/")


def test_friends_react_only_to_what_they_may_see(small_demo: list[str]) -> None:
    meera, rohan = person(HER.handle), person(ROHAN.handle)
    given = Reaction.objects.filter(person__handle__in=[ANIL.handle, SUNITA.handle, ROHAN.handle])
    assert given.count() >= 5
    # Rohan follows Kabir only: her followers-only training is not his to react to.
    assert (
        not given.filter(person=rohan, activity__owner=meera)
        .exclude(activity__visibility="public")
        .exists()
    )
    for reaction in given:
        assert Activity.objects.visible_to(reaction.person).filter(pk=reaction.activity_id).exists()


def test_sunita_is_mentioned_on_the_holiday_ride_and_told(small_demo: list[str]) -> None:
    sunita = person(SUNITA.handle)
    ride = Activity.objects.get(owner__handle=HER.handle, title="Baramulla to Uri")
    assert ride.mentions.filter(person=sunita).exists()
    assert f'href="/people/{SUNITA.handle}/"' in words(sunita, f"/activities/{ride.pk}/")
    assert f"{HIM.display_name} mentioned you" in words(sunita, "/notifications/")


def test_their_friends_train_too(small_demo: list[str]) -> None:
    assert Activity.objects.filter(owner__handle=SUNITA.handle, sport="ride").count() >= 2
    assert Activity.objects.filter(owner__handle=ANIL.handle, source="manual").exists()

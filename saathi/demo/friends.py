"""The people around the couple, and what they are to each other: the README's "The
demo" tells it.

Everything goes through the workflows a person's clicks would call (people/relations.py,
people/zones.py, together/suggestions.py and tags.py), so the demo's follows, partners,
zones and outings are made exactly as anyone's are. `befriend` runs before the first
import, so that each import is cut by its owner's home zone and looked at for
companions as it comes; `settle` runs after the last, answering what detection asked.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db.models import Q

from saathi.accounts.models import User
from saathi.accounts.sharing import Visibility
from saathi.activities.changes import edit_activity
from saathi.activities.models import Activity
from saathi.demo.chapters import HER, HIM
from saathi.demo.routes import LONAVLA
from saathi.people.relations import (
    accept_follow,
    accept_partner,
    ask_partner,
    ask_to_follow,
    block,
)
from saathi.people.zones import add_zone
from saathi.together.models import Suggestion
from saathi.together.suggestions import answer
from saathi.together.tags import accept, tag

DOMAIN = "@demo.saathi.example"
# The friends have one password, printed once by the loader: logging in as one of them
# shows the couple as a follower, a stranger or a blocked person sees them.
FRIENDS_PASSWORD = "chai-after-the-run"
HOME_RADIUS_M = 400


@dataclass(frozen=True)
class Friend:
    handle: str
    display_name: str
    bio: str
    home_region: str


# Fictional, as the couple are.
ANIL = Friend("anil", "Anil Kulkarni", "Sunday long runs with Kabir. No watch.", "Lonavla")
SUNITA = Friend("sunita", "Sunita Wani", "Rode Baramulla to Uri in the same group.", "Srinagar")
ROHAN = Friend("rohan", "Rohan Desai", "Watches Kabir's films and his training.", "Mumbai")
DEV = Friend("dev", "Dev Khanna", "", "Pune")
NIKHIL = Friend("nikhil", "Nikhil Bhat", "", "Mumbai")
FRIENDS = (ANIL, SUNITA, ROHAN, DEV, NIKHIL)


def friend_users() -> list[User]:
    # One password, hashed once: Argon2 takes a fifth of a second a time, on purpose.
    hashed = make_password(FRIENDS_PASSWORD)
    return [_user(friend, hashed) for friend in FRIENDS]


def _user(friend: Friend, hashed: str) -> User:
    user = User.objects.create_user(
        friend.handle,
        f"{friend.handle}{DOMAIN}",
        None,
        display_name=friend.display_name,
        bio=friend.bio,
        home_region=friend.home_region,
        time_zone="Asia/Kolkata",
        units="metric",
    )
    user.password = hashed
    user.save(update_fields=["password"])
    return user


def befriend(users: dict[str, User]) -> None:
    """Partners, followers, a request still waiting, a block, their sharing and their
    home zones: all before the first import."""
    kabir, meera = users[HIM.handle], users[HER.handle]
    anil, sunita, rohan, dev, nikhil = (users[f.handle] for f in FRIENDS)

    # He shares his activities with everyone and their routes with his followers; she
    # keeps hers to her followers, the holiday ride apart (settle makes it public).
    kabir.bio, kabir.home_region = "Actor. 30 sun salutations before every shoot.", "Lonavla"
    kabir.default_visibility, kabir.default_map_visibility = Visibility.PUBLIC, Visibility.FOLLOWERS
    meera.bio, meera.home_region = "Hills, long rides, and chai after.", "Lonavla"
    meera.default_visibility = meera.default_map_visibility = Visibility.FOLLOWERS
    for person in (kabir, meera):
        person.save()
        add_zone(owner=person, lat=LONAVLA[0], lon=LONAVLA[1], radius_m=HOME_RADIUS_M, label="Home")

    ask_partner(asker=kabir, answerer=meera)
    accept_partner(answerer=meera, asker=kabir)
    for follower, followed in [
        (anil, kabir),
        (kabir, anil),
        (sunita, meera),
        (meera, sunita),
        (sunita, kabir),
        (rohan, kabir),
        (nikhil, meera),
    ]:
        _follow(follower, followed)
    ask_to_follow(follower=dev, followed=meera)  # still waiting for her answer
    block(blocker=meera, blocked=nikhil)  # which ended his follow


def _follow(follower: User, followed: User) -> None:
    if not ask_to_follow(follower=follower, followed=followed).accepted:
        accept_follow(followed=followed, follower=follower)


def settle(users: dict[str, User]) -> int:
    """After the imports: both say yes to every outing detection suggested between
    them, Meera shares her holiday ride with everyone, and Kabir tags Anil on his last
    long run, which Anil accepts. The number of outings the couple joined."""
    kabir, meera, anil = users[HIM.handle], users[HER.handle], users[ANIL.handle]
    suggested = Suggestion.objects.filter(
        Q(first__owner=kabir, second__owner=meera) | Q(first__owner=meera, second__owner=kabir)
    ).order_by("pk")
    for suggestion in suggested:
        for person in (kabir, meera):
            answer(suggestion=suggestion, person=person, yes=True)
    for ride in Activity.objects.filter(owner=meera, title="Baramulla to Uri"):
        edit_activity(ride, visibility=Visibility.PUBLIC)
    long_run = (
        Activity.objects.owned_by(kabir)
        .filter(sport="run", distance_m__gte=10_000, membership__isnull=True)
        .order_by("-start_time")
        .first()
    )
    if long_run is not None:
        accept(tag=tag(activity=long_run, person=anil, asked_by=kabir))
    return suggested.count()

"""What the couple's friends do and say in the demo: a few weeks of their own training,
kudos on the couple's, some comments, and on the hill run her answer to him: "Everything
is so much more fun with you." (PRODUCT.md, chapter 5; the photos issue moves it onto
his video).

As in friends.py, everything goes through the workflows a person's taps call
(activities/manual.py, conversations/reactions.py and comments.py), so each reaction and
comment is checked against who may see what, and told as anyone's would be. It runs after
the last import and `settle`, when the outings exist.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import numpy as np

from saathi.accounts.models import User
from saathi.activities.manual import create_manual_activity
from saathi.activities.models import Activity
from saathi.conversations.comments import CommentRefused, post_comment
from saathi.conversations.models import ReactionKind
from saathi.conversations.reactions import ReactionRefused, react
from saathi.demo.chapters import HER, HIM
from saathi.demo.friends import ANIL, ROHAN, SUNITA

# Friends react to the couple's last four weeks; older activities keep only what
# detection and tags gave them.
KUDOS_DAYS = 28
HER_ANSWER = "Everything is so much more fun with you."


def talk(users: dict[str, User], today: date) -> int:
    """Their friends' training, reactions and comments; the number of comments."""
    kabir, meera = users[HIM.handle], users[HER.handle]
    anil, sunita, rohan = (users[f.handle] for f in (ANIL, SUNITA, ROHAN))
    _friends_train(anil, sunita, today)
    rng = np.random.default_rng(5)
    recent = (
        Activity.objects.filter(
            owner__in=[kabir, meera], local_date__gt=today - timedelta(KUDOS_DAYS)
        )
        .exclude(sport="yoga")
        .order_by("start_time")
    )
    for activity in recent:
        partner = meera if activity.owner_id == kabir.pk else kabir
        for person, likes in ((partner, 0.7), (anil, 0.5), (sunita, 0.5), (rohan, 0.3)):
            if rng.random() < likes:
                kind = ReactionKind.HEART if person is partner else _kind(rng)
                _react(activity, person, kind)
    said = 0
    hill_run = _together(kabir, meera, sport="run")
    if hill_run is not None:
        _react(hill_run, meera, ReactionKind.HEART)
        _react(hill_run, anil, ReactionKind.FIRE)
        said += _say(
            hill_run,
            anil,
            "The whole Bor ghat without stopping? Next time wait for me at Khandala.",
        )
        said += _say(hill_run, meera, HER_ANSWER)
    ride = _together(meera, kabir, sport="ride")
    if ride is not None:
        _react(ride, sunita, ReactionKind.CLAP)
        _react(ride, kabir, ReactionKind.HEART)
        said += _say(
            ride, sunita, "Uri at last! Same group next year? The army says there will be more."
        )
        said += _say(
            ride,
            kabir,
            f"Her longest ride so far. @{SUNITA.handle}, count us in for next year.",
        )
    last_run = Activity.objects.filter(owner=kabir, sport="run").order_by("-start_time").first()
    if last_run is not None:
        said += _say(last_run, rohan, "Fittest man on any set. When does the shoot start?")
    return said


def _friends_train(anil: User, sunita: User, today: date) -> None:
    """Anil, who has no watch, writes his runs down; Sunita rides round the Dal lake."""
    for days_ago in range(KUDOS_DAYS - 1, 0, -1):
        day = today - timedelta(days_ago)
        if day.weekday() == 2:
            create_manual_activity(
                owner=anil,
                sport="run",
                start=datetime.combine(day, time(6, 30)),
                duration_s=3300,
                distance_m=9500,
                title="Tempo run to the lake and back",
            )
        if days_ago % 4 == 1:
            create_manual_activity(
                owner=sunita,
                sport="ride",
                start=datetime.combine(day, time(7, 0)),
                duration_s=5400,
                distance_m=32000 + 1000 * (days_ago % 7),
                ascent_m=180,
                title="Round the Dal lake",
            )


def _together(owner: User, other: User, *, sport: str) -> Activity | None:
    """`owner`'s activity of `sport` on an outing with `other`'s, the newest."""
    return (
        Activity.objects.filter(
            owner=owner,
            sport=sport,
            membership__outing__members__activity__owner=other,
        )
        .order_by("-start_time")
        .first()
    )


def _kind(rng: np.random.Generator) -> ReactionKind:
    return ReactionKind(
        rng.choice([ReactionKind.KUDOS] * 4 + [ReactionKind.FIRE, ReactionKind.CLAP])
    )


def _react(activity: Activity, person: User, kind: ReactionKind) -> None:
    # A friend who may not see an activity (her followers-only training, to Rohan) would
    # be refused by the page as here: he simply does not react.
    try:
        if not activity.reactions.filter(person=person, kind=kind).exists():
            react(activity=activity, person=person, kind=kind)
    except ReactionRefused:
        pass


def _say(activity: Activity, person: User, body: str) -> int:
    try:
        post_comment(activity=activity, author=person, body=body)
    except CommentRefused:
        return 0
    return 1

"""Who may see, find and match with a person: the choices a person makes about others.

They live beside the user because each person's defaults are read by every import and
every page; the relationships they refer to (follows, partners, blocks) are in
saathi/people/, and the rule that applies them is `Activity.objects.visible_to`.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import models


class Visibility(models.TextChoices):
    """Who may see an activity, or its map. Each level includes the ones above it in
    this list: a partner is also a follower, and everyone includes both."""

    ONLY_ME = "only_me", "Only me"
    PARTNERS = "partners", "Training partners"
    FOLLOWERS = "followers", "Followers"
    PUBLIC = "public", "Everyone"

    @classmethod
    def rank(cls, value: str) -> int:
        """0 for only me up to 3 for everyone: a map is never wider than its activity."""
        return list(cls.values).index(value)

    @classmethod
    def narrower(cls, a: str, b: str) -> Visibility:
        return cls(a if cls.rank(a) <= cls.rank(b) else b)


class FindableBy(models.TextChoices):
    EVERYONE = "everyone", "Everyone signed in"
    FOLLOWED = "followed", "Only people I follow"


class MatchWith(models.TextChoices):
    """Whom same-outing detection may pair a person's activities with."""

    PARTNERS_AND_MUTUAL = "mutual", "Partners and people we both follow"
    PARTNERS = "partners", "Training partners only"
    NOBODY = "nobody", "Nobody"


# The levels in a person's words: as a choice ("Who can see it") and as who that is.
LEVEL_CHOICES = {
    Visibility.ONLY_ME: "Only me",
    Visibility.PARTNERS: "My training partners",
    Visibility.FOLLOWERS: "My followers (my training partners too)",
    Visibility.PUBLIC: "Everyone on Saathi (and visitors, if my profile is public)",
}
WHO_SEES = {
    Visibility.ONLY_ME: "only you",
    Visibility.PARTNERS: "your training partners",
    Visibility.FOLLOWERS: "your followers and training partners",
    Visibility.PUBLIC: "everyone on Saathi",
}


def who_sees(level: str) -> str:
    """ "your followers and training partners": who a level opens to, said to its owner."""
    return WHO_SEES[Visibility(level)]


def sharing_note(levels: Mapping[str, str]) -> dict[str, str]:
    """Who will see what a person adds, as their defaults (`User.new_activity_levels`)
    say: for the upload and entry pages."""
    return {"who": who_sees(levels["visibility"]), "map_who": who_sees(levels["map_visibility"])}

"""Who may be put on an outing with whom: tagged by hand, or matched by detection.

Both start from the same circle: a person's accepted training partners and the people
she follows who follow her back, never anyone a block parts her from. Tagging may ask
anyone in it. Detection also asks both sides' "who may be matched with me"
(User.match_with): partners and mutual follows, partners only, or nobody.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from saathi.accounts.models import User
from saathi.accounts.sharing import MatchWith
from saathi.people.circles import blocked_q, followed_by, followers_of, partners_q


def mutual_q(person: User, field: str = "pk") -> Q:
    """`field` follows `person` and `person` follows `field`, both accepted."""
    return Q(**{f"{field}__in": followed_by(person)}) & Q(**{f"{field}__in": followers_of(person)})


def taggable_by(person: User) -> QuerySet[User]:
    """Whom `person` may tag on her activity: partners and mutual follows."""
    return (
        User.objects.filter(partners_q(person) | mutual_q(person))
        .exclude(blocked_q(person))
        .exclude(pk=person.pk)
    )


def matchable_with(person: User) -> QuerySet[User]:
    """Whose recordings detection may pair with `person`'s, as both of them chose."""
    if person.match_with == MatchWith.NOBODY:
        return User.objects.none()
    circle = partners_q(person)
    if person.match_with == MatchWith.PARTNERS_AND_MUTUAL:
        circle |= mutual_q(person)
    # Their side: "partners only" lets in no one who is merely a mutual follow.
    they_agree = Q(match_with=MatchWith.PARTNERS_AND_MUTUAL) | (
        Q(match_with=MatchWith.PARTNERS) & partners_q(person)
    )
    return (
        User.objects.filter(circle)
        .filter(they_agree)
        .exclude(blocked_q(person))
        .exclude(pk=person.pk)
    )

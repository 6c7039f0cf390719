"""Privacy zones: a person's places to hide, each drawn once at random and stored.

The workflows here change the zones; re-cutting the activities they hide is the
journal's (activities/privacy.py), which the settings page calls after each change.
"""

from __future__ import annotations

import numpy as np
from django.core.exceptions import ValidationError
from django.db import transaction

from saathi.accounts.models import User
from saathi.people.models import PrivacyZone
from saathi.tracks.privacy import Zone, draw_zone

# Home, work, a parent's house, a friend's: more would hide most of a town.
MAX_ZONES = 10


def _draw(zone: PrivacyZone) -> None:
    # A fresh generator seeded by the operating system: the draw must not be guessable
    # from anything an attacker can see (ids, times, other draws).
    drawn = draw_zone(zone.lat, zone.lon, float(zone.radius_m), np.random.default_rng())
    zone.drawn_lat, zone.drawn_lon, zone.drawn_radius_m = drawn.lat, drawn.lon, drawn.radius_m


def add_zone(*, owner: User, lat: float, lon: float, radius_m: int, label: str = "") -> PrivacyZone:
    """A new zone around (lat, lon); raises ValidationError for a bad value or one too many."""
    zone = PrivacyZone(owner=owner, label=label.strip(), lat=lat, lon=lon, radius_m=radius_m)
    zone.full_clean(exclude=["owner", "drawn_lat", "drawn_lon", "drawn_radius_m"])
    with transaction.atomic():
        # The owner's row locked: two quick clicks cannot both pass the count.
        User.objects.select_for_update().filter(pk=owner.pk).first()
        if PrivacyZone.objects.filter(owner=owner).count() >= MAX_ZONES:
            raise ValidationError(f"You can hide up to {MAX_ZONES} places.")
        _draw(zone)
        zone.save()
    return zone


def change_zone(
    zone: PrivacyZone, *, lat: float, lon: float, radius_m: int, label: str = ""
) -> PrivacyZone:
    """Change a zone; its circle is drawn again only when the place or radius changed.

    Keeping the old draw for a moved point would move the circle by exactly as much,
    and two circles on one line through the point would give it away; a new, independent
    draw gives away less (docs/privacy.md says to change zones rarely).
    """
    # Compared with the stored row: a ModelForm has already set the new values on
    # this instance while validating them.
    stored = PrivacyZone.objects.get(pk=zone.pk)
    moved = (lat, lon, radius_m) != (stored.lat, stored.lon, stored.radius_m)
    zone.lat, zone.lon, zone.radius_m, zone.label = lat, lon, radius_m, label.strip()
    zone.full_clean(exclude=["owner", "drawn_lat", "drawn_lon", "drawn_radius_m"])
    if moved:
        _draw(zone)
    zone.save()
    return zone


def delete_zone(zone: PrivacyZone) -> None:
    zone.delete()


def drawn_zones(owner: User) -> list[Zone]:
    """The circles that cut the owner's routes, as drawn: never the points given."""
    rows = PrivacyZone.objects.filter(owner=owner).order_by("pk")
    return [zone.as_drawn() for zone in rows.only("drawn_lat", "drawn_lon", "drawn_radius_m")]

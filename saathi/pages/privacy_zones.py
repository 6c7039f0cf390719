"""The privacy-zones page: the places a person hides, and "hide the start and end".

A page of its own in pages/ because it ties two parts together: the zones are people's
(people/zones.py), and every change re-cuts the journal's activities in the background
(activities/tasks.recut_later; activities/privacy.py serves no stale cut meanwhile).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from saathi.accounts.models import User
from saathi.accounts.requests import AuthedRequest
from saathi.activities import tasks
from saathi.activities.privacy import still_to_cut
from saathi.people import zones
from saathi.people.models import PrivacyZone


class ZoneForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = PrivacyZone
        fields = ("label", "lat", "lon", "radius_m")
        widgets = {
            "lat": forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
            "lon": forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
            "radius_m": forms.NumberInput(attrs={"min": 200, "max": 1600, "step": 50}),
        }
        help_texts = {
            "lat": "Click the map, or type it: 34.2011 for Baramulla.",
            "radius_m": "200 to 1,600 m. Saathi draws its own circle around the point, larger "
            "than this and not centred on it, so the point cannot be worked out.",
        }

    def save_as(self, owner: User) -> PrivacyZone:
        values: dict[str, Any] = {k: self.cleaned_data[k] for k in ("lat", "lon", "radius_m")}
        label = self.cleaned_data["label"]
        if self.instance.pk:
            return zones.change_zone(self.instance, label=label, **values)
        return zones.add_zone(owner=owner, label=label, **values)


class HideEndsForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = User
        fields = ("hide_ends",)


def _me(request: AuthedRequest) -> User:
    # A fresh copy, as on the settings page: a rejected form leaves request.user alone.
    return User.objects.get(pk=request.user.pk)


def _changed(request: AuthedRequest, me: User, said: str) -> HttpResponse:
    tasks.recut_later(me)
    messages.success(request, f"{said} Your activities are being cut again.")
    return redirect("privacy_zones")


@login_required
def privacy_zones(request: AuthedRequest, pk: int | None = None) -> HttpResponse:
    """The list, the add (or edit, with `pk`) form and the setting; an HTMX request gets
    the re-cut note alone, which polls itself until every activity is cut."""
    me = _me(request)
    if request.htmx and request.method == "GET":
        return render(request, "pages/partials/recut_note.html", {"to_cut": still_to_cut(me)})
    editing = get_object_or_404(PrivacyZone, owner=me, pk=pk) if pk else None
    form = ZoneForm(request.POST or None, instance=editing)
    if request.method == "POST" and form.is_valid():
        try:
            form.save_as(me)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _changed(request, me, "The zone is saved.")
    return render(request, "pages/privacy_zones.html", _context(me, form, editing))


def _context(me: User, form: ZoneForm, editing: PrivacyZone | None) -> dict[str, Any]:
    mine = list(PrivacyZone.objects.filter(owner=me))
    return {
        "form": form,
        "editing": editing,
        "zones": mine,
        "ends_form": HideEndsForm(instance=me),
        "to_cut": still_to_cut(me),
        "can_add": len(mine) < zones.MAX_ZONES,
        # The owner's own page: the points given are hers to see, and no one else's.
        "zones_data": [
            {
                "label": z.label,
                "lat": z.lat,
                "lon": z.lon,
                "radius_m": z.radius_m,
                "drawn": [z.drawn_lat, z.drawn_lon, z.drawn_radius_m],
            }
            for z in mine
        ],
        "map_tiles": {"url": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION},
    }


@login_required
@require_POST
def hide_ends(request: AuthedRequest) -> HttpResponse:
    me = _me(request)
    form = HideEndsForm(request.POST, instance=me)
    if form.has_changed() and form.is_valid():
        form.save()
        return _changed(request, me, "Saved.")
    return redirect("privacy_zones")


@login_required
def delete_zone(request: AuthedRequest, pk: int) -> HttpResponse:
    me = _me(request)
    zone = get_object_or_404(PrivacyZone, owner=me, pk=pk)
    if request.method == "POST":
        zones.delete_zone(zone)
        return _changed(request, me, f"“{zone.label or 'The zone'}” is deleted.")
    return render(request, "pages/privacy_zone_delete.html", {"zone": zone})

"""The admin writes past Activity.edit and deletes in bulk: records and stored originals
must still follow (a bulk delete is one SQL DELETE unless told otherwise)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

from django.core.files.storage import default_storage
from django.test import Client

from saathi.accounts.models import User
from saathi.activities.imports import import_inline
from saathi.activities.models import Activity, ImportJob
from saathi.records.models import Record
from tests.records.history import gpx_ride, imported_ride, local

OnCommit = Callable[..., AbstractContextManager[object]]


def admin_client() -> Client:
    admin = User.objects.create_superuser("keeper", "keeper@example.org", "not-a-real-password")
    client = Client()
    client.force_login(admin)
    return client


def uploaded(owner: User, km: float, when: str) -> Activity:
    """A ride through the upload path, so that its original is stored."""
    [job] = import_inline(owner=owner, name=f"{when}.gpx", data=gpx_ride(km, local(when)))
    assert job.activity is not None
    return job.activity


def test_a_bulk_delete_in_the_admin_restores_records_and_removes_originals(
    owner: User, django_capture_on_commit_callbacks: OnCommit
) -> None:
    first, second, third = (
        uploaded(owner, km, when)
        for km, when in (
            (42.3, "2025-08-02 07:00"),
            (65, "2025-08-20 06:30"),
            (50, "2025-09-01 06:30"),
        )
    )
    originals = [
        job.original.name for job in ImportJob.objects.filter(activity__in=[second, third])
    ]
    assert originals and all(default_storage.exists(name) for name in originals)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client().post(
            "/admin/activities/activity/",
            {"action": "delete_selected", "_selected_action": [second.pk, third.pk], "post": "yes"},
        )

    assert response.status_code == 302
    assert list(Activity.objects.values_list("pk", flat=True)) == [first.pk]
    assert not any(default_storage.exists(name) for name in originals)
    record = Record.objects.filter(owner=owner, sport="ride", measure="distance")
    assert list(record.values_list("activity_id", flat=True)) == [first.pk]


def test_a_sport_changed_in_the_admin_moves_the_record(owner: User) -> None:
    ride = imported_ride(owner, 42.3, "2025-08-02 07:00")
    client = admin_client()
    form = client.get(f"/admin/activities/activity/{ride.pk}/change/").context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(sport="run", start_time_0=data["start_time"].date(), start_time_1="01:30:00")

    response = client.post(f"/admin/activities/activity/{ride.pk}/change/", data)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert not Record.objects.filter(owner=owner, sport="ride").exists()
    assert Record.objects.filter(owner=owner, sport="run", activity=ride).exists()

"""Every model that stores a file loses the file whichever way its row is deleted — a model
delete, a queryset delete, a cascade from a row it belongs to, the admin's page and its
bulk action — once the transaction commits, on disk and on S3; a rollback keeps it."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from itertools import count

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.test import Client
from PIL import Image

from saathi.accounts.models import User
from saathi.activities.imports import import_inline
from saathi.activities.models import ImportJob, JobState
from saathi.system.files import file_fields
from tests.paths import TESTDATA

OnCommit = Callable[..., AbstractContextManager[object]]
RUN = TESTDATA / "gpx" / "run_gpxtpx.gpx"
_numbers = count()


def _person() -> User:
    n = next(_numbers)
    return User.objects.create_user(f"keeper{n}", f"keeper{n}@example.org", "a-long-password")


def _with_photo() -> models.Model:
    person = _person()
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, format="JPEG")
    person.avatar.save("photo.jpg", ContentFile(out.getvalue()))
    return person


def _an_upload() -> models.Model:
    (job,) = import_inline(owner=_person(), name=RUN.name, data=RUN.read_bytes())
    assert job.state == JobState.DONE, job.error
    return job


# One maker per model with a file field: a row holding a stored file. A new file field
# without a maker here fails test_every_model_with_a_file_is_covered.
MAKERS: dict[type[models.Model], Callable[[], models.Model]] = {
    User: _with_photo,
    ImportJob: _an_upload,
}


@dataclass(frozen=True)
class Row:
    instance: models.Model
    names: list[str]  # its stored files

    def exists(self) -> bool:
        return type(self.instance)._default_manager.filter(pk=self.instance.pk).exists()


def _stored(instance: models.Model) -> Row:
    names = [
        getattr(instance, f.name).name for model, f in file_fields() if model is type(instance)
    ]
    assert names and all(names), names
    assert all(default_storage.exists(name) for name in names)
    return Row(instance, names)


def _parents(instance: models.Model) -> list[models.Model]:
    """The rows this one belongs to: deleting any of them cascades to it."""
    found = []
    for f in instance._meta.concrete_fields:
        if isinstance(f, models.ForeignKey) and f.remote_field.on_delete is models.CASCADE:
            parent = getattr(instance, f.name)
            if parent is not None:
                found.append(parent)
    return found


def _admin_url(instance: models.Model, suffix: str = "") -> str:
    meta = instance._meta
    return f"/admin/{meta.app_label}/{meta.model_name}/{suffix}"


def _model_delete(row: Row, admin: Client) -> None:
    type(row.instance)._default_manager.get(pk=row.instance.pk).delete()


def _queryset_delete(row: Row, admin: Client) -> None:
    type(row.instance)._default_manager.filter(pk=row.instance.pk).delete()


def _cascade(row: Row, admin: Client) -> None:
    _parents(row.instance)[-1].delete()  # the closest: an upload's activity, not its owner


def _admin_page(row: Row, admin: Client) -> None:
    url = _admin_url(row.instance, f"{row.instance.pk}/delete/")
    assert admin.post(url, {"post": "yes"}).status_code == 302


def _admin_bulk(row: Row, admin: Client) -> None:
    form = {"action": "delete_selected", "_selected_action": [row.instance.pk], "post": "yes"}
    assert admin.post(_admin_url(row.instance), form).status_code == 302


WAYS = {
    "model delete": _model_delete,
    "queryset delete": _queryset_delete,
    "cascade": _cascade,
    "admin page": _admin_page,
    "admin bulk action": _admin_bulk,
}


@pytest.fixture
def admin_client(db: None) -> Client:
    staff = User.objects.create_superuser("staffer", "staff@example.org", "a-long-password")
    client = Client()
    client.force_login(staff)
    return client


@pytest.fixture(params=["disk", pytest.param("s3", marks=pytest.mark.s3)])
def storage(request: pytest.FixtureRequest) -> Iterator[str]:
    if request.param == "s3":
        request.getfixturevalue("s3_media")
    yield request.param


def _belongs_to_a_row(model: type[models.Model]) -> bool:
    return any(
        isinstance(f, models.ForeignKey) and f.remote_field.on_delete is models.CASCADE
        for f in model._meta.concrete_fields
    )


# Every way for every model, but a cascade only for a model that belongs to another row.
CASES = [
    pytest.param(model, way, id=f"{model.__name__}-{way}")
    for model in MAKERS
    for way in WAYS
    if way != "cascade" or _belongs_to_a_row(model)
]


def test_every_model_with_a_file_is_covered() -> None:
    assert {model for model, _ in file_fields()} == set(MAKERS)


@pytest.mark.parametrize(("model", "way"), CASES)
def test_deleting_a_row_removes_its_files_after_commit(
    storage: str,
    model: type[models.Model],
    way: str,
    admin_client: Client,
    django_capture_on_commit_callbacks: OnCommit,
) -> None:
    row = _stored(MAKERS[model]())
    other = _stored(MAKERS[model]())

    with django_capture_on_commit_callbacks(execute=False) as waiting:
        WAYS[way](row, admin_client)
        # Deleted, not yet committed: the files are still there.
        assert not row.exists()
        assert all(default_storage.exists(name) for name in row.names)
    for callback in waiting:
        callback()

    assert not any(default_storage.exists(name) for name in row.names)
    assert other.exists() and all(default_storage.exists(name) for name in other.names)


@pytest.mark.parametrize(("model", "way"), CASES)
def test_a_rolled_back_delete_keeps_its_files(
    storage: str,
    model: type[models.Model],
    way: str,
    admin_client: Client,
    django_capture_on_commit_callbacks: OnCommit,
) -> None:
    row = _stored(MAKERS[model]())

    with (
        django_capture_on_commit_callbacks(execute=True) as ran,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        WAYS[way](row, admin_client)
        raise RuntimeError("the request failed after the delete")

    assert ran == []
    assert row.exists()
    assert all(default_storage.exists(name) for name in row.names)


def test_a_savepoint_rolled_back_inside_a_committed_transaction_keeps_its_files(
    db: None, django_capture_on_commit_callbacks: OnCommit
) -> None:
    kept, gone = _stored(_an_upload()), _stored(_an_upload())

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        _queryset_delete(gone, Client())
        with pytest.raises(RuntimeError), transaction.atomic():
            _queryset_delete(kept, Client())
            raise RuntimeError("undo this one only")

    assert kept.exists() and all(default_storage.exists(name) for name in kept.names)
    assert not any(default_storage.exists(name) for name in gone.names)


def test_two_transactions_one_after_the_other_each_remove_their_files(
    db: None, django_capture_on_commit_callbacks: OnCommit
) -> None:
    first, second = _stored(_an_upload()), _stored(_an_upload())

    for row in (first, second):
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            _queryset_delete(row, Client())

    assert not any(default_storage.exists(name) for name in [*first.names, *second.names])

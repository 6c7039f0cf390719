"""An uploaded photo becomes a small square avatar, upright, with its location data gone."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import ExifTags, Image

from saathi.accounts.models import User
from tests.accounts.test_settings_page import SHARING

pytestmark = pytest.mark.django_db

RED, BLUE = (220, 20, 20), (20, 20, 220)


def phone_photo(orientation: int = 1) -> bytes:
    """A 200x100 JPEG, red on the left and blue on the right, with GPS in its EXIF."""
    image = Image.new("RGB", (200, 100), RED)
    image.paste(BLUE, (100, 0, 200, 100))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "PhoneCo"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (34.0, 12.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (74.0, 21.0, 0.0)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, quality=95)
    return out.getvalue()


def upload(client: Client, content: bytes, name: str = "photo.jpg") -> object:
    return client.post(
        "/settings/",
        {
            "display_name": "Asha Rao",
            "email": "asha@example.org",
            "time_zone": "Asia/Kolkata",
            "units": "metric",
            "sex": "female",
            **SHARING,
            "avatar": SimpleUploadedFile(name, content, content_type="image/jpeg"),
        },
    )


def stored(user: User) -> Image.Image:
    user.refresh_from_db()
    with user.avatar.open("rb") as handle:
        image = Image.open(io.BytesIO(handle.read()))
        image.load()
    return image


def close(pixel: object, colour: tuple[int, int, int]) -> bool:
    assert isinstance(pixel, tuple)
    return all(abs(a - b) < 40 for a, b in zip(pixel, colour, strict=True))


def test_the_test_photo_really_carries_a_position() -> None:
    exif = Image.open(io.BytesIO(phone_photo())).getexif()
    assert exif.get_ifd(ExifTags.IFD.GPSInfo)


def test_the_avatar_is_a_square_jpeg_with_no_exif(owner_client: Client, owner: User) -> None:
    assert upload(owner_client, phone_photo()).status_code == 302
    image = stored(owner)
    assert image.format == "JPEG"
    assert image.size == (512, 512)
    assert not image.getexif()


def test_a_photo_taken_sideways_is_turned_upright(owner_client: Client, owner: User) -> None:
    # Orientation 6: turn 90° clockwise to view, so the red left edge becomes the top.
    upload(owner_client, phone_photo(orientation=6))
    image = stored(owner)
    assert close(image.getpixel((256, 10)), RED)
    assert close(image.getpixel((256, 500)), BLUE)


def test_a_file_that_is_not_a_photo_is_refused(owner_client: Client, owner: User) -> None:
    response = upload(owner_client, b"%PDF-1.4 not a photo", name="cv.pdf")
    assert response.status_code == 200
    assert "Upload a valid image" in response.content.decode()
    owner.refresh_from_db()
    assert not owner.avatar


def test_a_new_photo_replaces_the_old_file(
    owner_client: Client, owner: User, django_capture_on_commit_callbacks: Any
) -> None:
    upload(owner_client, phone_photo())
    owner.refresh_from_db()
    first = Path(owner.avatar.path)
    with django_capture_on_commit_callbacks(execute=True):
        upload(owner_client, phone_photo(orientation=3))
    owner.refresh_from_db()
    assert first.name != Path(owner.avatar.path).name
    assert not first.exists()
    assert Path(owner.avatar.path).exists()


def test_others_see_the_photo_instead_of_initials(
    owner_client: Client, owner: User, stranger_client: Client
) -> None:
    upload(owner_client, phone_photo())
    owner.refresh_from_db()
    html = stranger_client.get("/people/asha/").content.decode()
    assert f'src="{owner.avatar.url}"' in html
    assert ">AR<" not in html
    served = stranger_client.get(owner.avatar.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content).startswith(b"\xff\xd8")  # type: ignore[attr-defined]

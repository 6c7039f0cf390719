"""Avatars: any photo a person uploads becomes a small square JPEG with no metadata.

Phone photos carry the GPS position where they were taken; re-encoding from pixels
drops it along with every other EXIF field, and keeps avatars light on every page.
"""

from __future__ import annotations

import io
import uuid

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from PIL import Image, ImageOps, UnidentifiedImageError

AVATAR_SIDE_PX = 512
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# Far above any camera, far below what a decompression bomb asks for.
MAX_PIXELS = 60_000_000


class AvatarError(ValueError):
    pass


def normalise_avatar(upload: UploadedFile) -> ContentFile[bytes]:
    if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        raise AvatarError("That photo is larger than 10 MB; please choose a smaller one.")
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            if image.width * image.height > MAX_PIXELS:
                raise AvatarError("That photo has too many pixels; please choose a smaller one.")
            square = _square(image)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise AvatarError("That file is not a photo we can read (JPEG, PNG or WebP).") from None
    out = io.BytesIO()
    square.save(out, format="JPEG", quality=85, optimize=True)
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.jpg")


def _square(image: Image.Image) -> Image.Image:
    upright = ImageOps.exif_transpose(image).convert("RGB")
    return ImageOps.fit(upright, (AVATAR_SIDE_PX, AVATAR_SIDE_PX), Image.Resampling.LANCZOS)

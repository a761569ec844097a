"""Private file storage for certificate PDFs: below PRIVATE_MEDIA_ROOT (or the private prefix of
the S3 bucket), never under /media/."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage
from django.utils.deconstruct import deconstructible

from kern import speicher as kern_speicher


@deconstructible
class PrivaterSpeicher(FileSystemStorage):
    """Reads PRIVATE_MEDIA_ROOT on every access, so a changed setting (tests) takes effect."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


privater_speicher = PrivaterSpeicher()


def zertifikat_speicher() -> Storage:
    """Filesystem as above, or the bucket's private prefix when LERNKETTE_S3_BUCKET is set."""
    return kern_speicher.privater_speicher("", lambda: privater_speicher)

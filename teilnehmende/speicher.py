"""Storage for private uploads: below PRIVATE_MEDIA_ROOT (or the private prefix of the S3 bucket),
never reachable through a URL."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage
from django.utils.deconstruct import deconstructible

from kern import speicher as kern_speicher


@deconstructible
class PrivaterSpeicher(FileSystemStorage):
    """Files live in `PRIVATE_MEDIA_ROOT/<unterordner>`; `url()` refuses, so nothing links to them.

    The location is read on every access (not cached), so a changed setting (tests,
    deployments) takes effect at once. Downloads go through a view that checks the user.
    """

    def __init__(self, unterordner: str = "") -> None:
        self.unterordner = unterordner
        super().__init__()

    @property
    def base_location(self):
        return os.path.join(settings.PRIVATE_MEDIA_ROOT, self.unterordner)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


def praesentationen_speicher() -> Storage:
    """Filesystem as above, or the bucket's private prefix when LERNKETTE_S3_BUCKET is set."""
    return kern_speicher.privater_speicher(
        "praesentationen", lambda: PrivaterSpeicher("praesentationen")
    )

"""Storage for private uploads: below PRIVATE_MEDIA_ROOT, never reachable through a URL."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


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


def praesentationen_speicher() -> PrivaterSpeicher:
    return PrivaterSpeicher("praesentationen")

"""Where unpacked H5P packages live: the private storage (PRIVATE_MEDIA_ROOT/h5p/<sha256>/, or
the private prefix of the S3 bucket), never below MEDIA_URL. Package files reach the browser only
through the permission-checked views in h5p/views.py (the lesson's rules decide)."""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage

from kern.speicher import privater_speicher


def paket_speicher() -> Storage:
    """Built per call: tests change PRIVATE_MEDIA_ROOT."""
    return privater_speicher("", lambda: FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT))

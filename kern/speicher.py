"""Where private uploads live: below PRIVATE_MEDIA_ROOT on a shared volume, or, when
LERNKETTE_S3_BUCKET is set, below the private prefix of the S3-compatible bucket
(LERNKETTE_S3_PRIVAT_OPTIONEN, docs/betrieb.md). Either way no URL leads to them: the views that
check the user stream them (FileResponse over `Storage.open`)."""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import Storage


def privater_speicher(unterordner: str, dateisystem) -> Storage:
    """The private storage for `unterordner`; `dateisystem()` builds the filesystem variant."""
    if not settings.LERNKETTE_S3_BUCKET:
        return dateisystem()
    from storages.backends.s3 import S3Storage

    optionen = dict(settings.LERNKETTE_S3_PRIVAT_OPTIONEN)
    optionen["location"] = "/".join(t for t in (optionen["location"], unterordner) if t)
    return S3Storage(**optionen)

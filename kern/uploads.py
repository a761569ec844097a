"""Upload size limits: the one place that reads `LERNKETTE_UPLOAD_GRENZEN` for forms and services.

Every upload field validates with `groesse_pruefen(datei, art=...)`: final presentations,
H5P packages (h5p/forms.py), Open Badges JSON, Wagtail documents (kern/upload_formulare.py,
WAGTAILDOCS_DOCUMENT_FORM_BASE); Wagtail images through WAGTAILIMAGES_MAX_UPLOAD_SIZE, set from the
same setting. The whole request body is capped by `kern.sicherheit.AnfragegroesseMiddleware`.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext_lazy as _

DATEI_ZU_GROSS = _("Die Datei „{name}“ ist {groesse} groß; erlaubt sind höchstens {grenze}.")
KB = 1024
MB = 1024 * 1024


def grenze(art: str) -> int:
    """Maximum size in bytes for uploads of that kind (e.g. "praesentation", "h5p_paket")."""
    try:
        return settings.LERNKETTE_UPLOAD_GRENZEN[art]
    except KeyError as fehler:
        raise ImproperlyConfigured(f"LERNKETTE_UPLOAD_GRENZEN kennt „{art}“ nicht.") from fehler


def lesbar(anzahl_bytes: int, *, stellen: int = 0) -> str:
    """ "64 KB", "30 MB", "1,5 MB": the unit that gives a real number (never "0 MB")."""
    if anzahl_bytes < MB:
        return f"{-(-anzahl_bytes // KB)} KB"
    if stellen == 0 and anzahl_bytes % MB == 0:
        return f"{anzahl_bytes // MB} MB"
    return f"{anzahl_bytes / MB:.{max(stellen, 1)}f} MB".replace(".", ",")


def groesse_pruefen(datei, *, art: str) -> None:
    erlaubt = grenze(art)
    if datei.size > erlaubt:
        raise ValidationError(
            str(DATEI_ZU_GROSS).format(
                name=getattr(datei, "name", ""),
                groesse=lesbar(datei.size, stellen=1),
                grenze=lesbar(erlaubt),
            ),
            code="datei_zu_gross",
        )

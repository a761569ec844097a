"""Upload size limits: the one place that reads `LERNKETTE_UPLOAD_GRENZEN` for forms and services.

Every upload field validates with `groesse_pruefen(datei, art=...)`; the whole request body is
capped by `kern.sicherheit.AnfragegroesseMiddleware`.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext_lazy as _

DATEI_ZU_GROSS = _("Die Datei „{name}“ ist {groesse} MB groß; erlaubt sind höchstens {grenze} MB.")
MB = 1024 * 1024


def grenze(art: str) -> int:
    """Maximum size in bytes for uploads of that kind (e.g. "praesentation", "h5p_paket")."""
    try:
        return settings.LERNKETTE_UPLOAD_GRENZEN[art]
    except KeyError as fehler:
        raise ImproperlyConfigured(f"LERNKETTE_UPLOAD_GRENZEN kennt „{art}“ nicht.") from fehler


def groesse_pruefen(datei, *, art: str) -> None:
    erlaubt = grenze(art)
    if datei.size > erlaubt:
        raise ValidationError(
            str(DATEI_ZU_GROSS).format(
                name=getattr(datei, "name", ""),
                groesse=f"{datei.size / MB:.1f}".replace(".", ","),
                grenze=erlaubt // MB,
            ),
            code="datei_zu_gross",
        )

"""The current consent text and its version: the one place to change them.

Change TEXTVERSION whenever TEXT changes in substance; consents record the version agreed to.
"""

from django.utils.translation import gettext_lazy as _

from .models import Einwilligung

ZWECK = Einwilligung.Zweck.TEILNAHME
TEXTVERSION = "2026-11-01"
TEXT = _(
    "Ich willige ein, dass die Angaben aus diesem Fragebogen und meine Teilnahmedaten "
    "(Anmeldung, Lernfortschritt, Anwesenheit, Abschlusspräsentation und Zertifikat) zur "
    "Durchführung des Kurses sowie für die Nachweise gegenüber dem Land Nordrhein-Westfalen und "
    "dem Europäischen Sozialfonds (ESF Plus) verarbeitet werden. Fördermittelgeber erhalten nur "
    "zusammengefasste Zahlen ohne Namen. Die ESF-Angaben werden bis zum Ende der gesetzlichen "
    "Aufbewahrungsfrist gespeichert und danach anonymisiert. Ich kann meine Einwilligung jederzeit "
    "mit Wirkung für die Zukunft widerrufen."
)


# --- Asking again when the text changed ----------------------------------------------------------
# Whoever has a running enrolment and no unrevoked consent to the current TEXTVERSION is sent to
# /mein-lernen/einwilligung/ (EinwilligungMiddleware) before the learning area opens again.

EINWILLIGUNG_ERNEUERN = _(
    "Wir haben den Einwilligungstext geändert. Bitte lesen Sie ihn und stimmen Sie erneut zu, "
    "damit Sie weiterlernen können."
)
EINWILLIGUNG_ERNEUERT = _("Vielen Dank. Ihre Einwilligung ist gespeichert.")
SITZUNGSSCHLUESSEL = "lernkette_einwilligung_geprueft"


def erneuern_noetig(*, nutzer) -> bool:
    from .models import STORNIERBAR_STATUS, Anmeldung, Einwilligung

    laufend = Anmeldung.objects.filter(nutzer=nutzer, status__in=STORNIERBAR_STATUS)
    aktuell = Einwilligung.objects.filter(
        nutzer=nutzer, zweck=ZWECK, textversion=TEXTVERSION, widerrufen_am__isnull=True
    )
    return laufend.exists() and not aktuell.exists()


def einwilligung_bestaetigen(*, nutzer, textversion: str) -> Einwilligung:
    """Record consent to the current text (from the form's hidden version field)."""
    from django.core.exceptions import ValidationError

    from kern.protokoll import protokollieren

    from .services import EINWILLIGUNG_VERALTET, _einwilligung_erteilen

    if textversion != TEXTVERSION:
        raise ValidationError(EINWILLIGUNG_VERALTET, code="einwilligung_veraltet")
    neu = _einwilligung_erteilen(nutzer=nutzer)
    protokollieren(
        aktion="einwilligung_erteilt",
        akteur=nutzer,
        betroffen=nutzer,
        objekt=neu,
        details={"textversion": textversion},
    )
    return neu

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


EINWILLIGUNG_NACH_WIDERRUF = _(
    "Sie haben Ihre Einwilligung in die Datenverarbeitung widerrufen. Um weiterzulernen, stimmen "
    "Sie bitte erneut zu – oder stornieren Sie Ihre Anmeldung unter „Mein Lernen“."
)


def erneuern_meldung(*, nutzer) -> str | None:
    """Why the user must consent again before learning on (None: no need): a withdrawn
    consent to the current text, or a changed text."""
    from .models import Einwilligung

    if not erneuern_noetig(nutzer=nutzer):
        return None
    widerrufen = Einwilligung.objects.filter(
        nutzer=nutzer, zweck=ZWECK, textversion=TEXTVERSION, widerrufen_am__isnull=False
    ).exists()
    return str(EINWILLIGUNG_NACH_WIDERRUF if widerrufen else EINWILLIGUNG_ERNEUERN)


def erneuern_noetig(*, nutzer) -> bool:
    from .models import Einwilligung
    from .selectors import laufende_anmeldungen

    laufend = laufende_anmeldungen(nutzer=nutzer)
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


# --- Withdrawing (self-service below /konto/daten/einwilligungen/) ------------------------------

EINWILLIGUNG_WIDERRUFEN = _(
    "Ihre Einwilligung ist widerrufen. Solange Sie in einem Kurs angemeldet sind, bitten wir Sie "
    "beim nächsten Aufruf von „Mein Lernen“ erneut um Ihre Einwilligung."
)
EINWILLIGUNG_BEREITS_WIDERRUFEN = _(
    "Diese Einwilligung haben Sie bereits am {datum} widerrufen. Es ist nichts weiter zu tun."
)


def einwilligung_widerrufen(*, einwilligung: Einwilligung, nutzer) -> Einwilligung:
    """Withdraw one consent with effect for the future (the record stays, with the date).

    Whoever still has a running enrolment is asked again before the learning area opens
    (`erneuern_noetig`); the caller drops the per-session check (SITZUNGSSCHLUESSEL).
    """
    from django.core.exceptions import ValidationError
    from django.db import transaction
    from django.utils import timezone

    from kern.protokoll import protokollieren

    with transaction.atomic():
        einwilligung = Einwilligung.objects.select_for_update().get(pk=einwilligung.pk)
        if einwilligung.widerrufen_am is not None:
            datum = timezone.localtime(einwilligung.widerrufen_am).strftime("%d.%m.%Y")
            raise ValidationError(
                str(EINWILLIGUNG_BEREITS_WIDERRUFEN).format(datum=datum),
                code="bereits_widerrufen",
            )
        einwilligung.widerrufen_am = timezone.now()
        einwilligung.full_clean()
        einwilligung.save(update_fields=["widerrufen_am"])
        protokollieren(
            aktion="einwilligung_widerrufen",
            akteur=nutzer,
            betroffen=einwilligung.nutzer,
            objekt=einwilligung,
            details={"zweck": einwilligung.zweck, "textversion": einwilligung.textversion},
        )
    return einwilligung

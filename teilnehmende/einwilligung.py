"""The current consent text and its version: the one place to change them.

Change TEXTVERSION whenever TEXT changes in substance; consents record the version agreed to.
"""

from django.utils.translation import gettext_lazy as _

from .models import STORNIERBAR_STATUS, Anmeldung, Einwilligung

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
# Whoever has an enrolment in one of these states and no unrevoked consent to the current
# TEXTVERSION is sent to /mein-lernen/einwilligung/ (EinwilligungMiddleware) before the learning
# area opens again, and the H5P endpoints store nothing. Completed enrolments still open their
# lessons (PLATZ_STATUS), so they count too; a cancelled one opens nothing.
EINWILLIGUNG_STATUS = (*STORNIERBAR_STATUS, Anmeldung.Status.ABGESCHLOSSEN)

EINWILLIGUNG_ERNEUERN = _(
    "Wir haben den Einwilligungstext geändert. Bitte lesen Sie ihn und stimmen Sie erneut zu, "
    "damit Sie weiterlernen können."
)
EINWILLIGUNG_ERNEUERT = _("Vielen Dank. Ihre Einwilligung ist gespeichert.")


EINWILLIGUNG_NACH_WIDERRUF = _(
    "Sie haben Ihre Einwilligung in die Datenverarbeitung widerrufen. Um weiterzulernen, stimmen "
    "Sie bitte erneut zu – oder stornieren Sie Ihre Anmeldung unter „Mein Lernen“."
)


def erneuern_meldung(*, nutzer) -> str | None:
    """Why the user must consent again before learning on or storing learning data (None: no
    need): a withdrawn consent to the current text, or a changed text.

    One indexed query, run on every request of the learning area and the H5P endpoints
    (EinwilligungMiddleware): a withdrawal counts at once in every session of the person.
    """
    from django.contrib.auth import get_user_model
    from django.db.models import Exists, OuterRef

    aktuell = Einwilligung.objects.filter(
        nutzer=OuterRef("pk"), zweck=ZWECK, textversion=TEXTVERSION
    )
    zeile = (
        get_user_model()
        .objects.filter(pk=nutzer.pk)
        .values_list(
            Exists(Anmeldung.objects.filter(nutzer=OuterRef("pk"), status__in=EINWILLIGUNG_STATUS)),
            Exists(aktuell.filter(widerrufen_am__isnull=True)),
            Exists(aktuell.filter(widerrufen_am__isnull=False)),
        )
        .first()
    )
    if zeile is None:
        return None
    angemeldet, gueltig, widerrufen = zeile
    if not angemeldet or gueltig:
        return None
    return str(EINWILLIGUNG_NACH_WIDERRUF if widerrufen else EINWILLIGUNG_ERNEUERN)


def erneuern_noetig(*, nutzer) -> bool:
    return erneuern_meldung(nutzer=nutzer) is not None


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
    (`erneuern_noetig`, checked per request in every session).
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

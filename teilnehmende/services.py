"""Writes on enrolments: enrol (seat or waiting list), cancel, promote from the waiting list.

Every write that counts seats first locks the cohort row (`select_for_update`), so concurrent
enrolments queue on that lock and the capacity is never exceeded.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from kurse.models import Durchgang

from . import einwilligung
from .models import (
    EINTRITTSDATEN_FELDER,
    STORNIERBAR_STATUS,
    Anmeldung,
    Eintrittsdaten,
    Einwilligung,
)
from .selectors import aktuelle_einwilligung, belegte_plaetze, warteliste, wartelisten_position

ANMELDUNG_DOPPELT = _("Sie sind für diesen Durchgang bereits angemeldet.")
ANMELDUNG_GESCHLOSSEN = _("Für diesen Durchgang ist derzeit keine Anmeldung möglich.")
EINWILLIGUNG_VERALTET = _(
    "Der Einwilligungstext wurde inzwischen geändert. Bitte lesen Sie ihn erneut und stimmen "
    "Sie ihm zu."
)
STORNO_NICHT_MOEGLICH = _("Diese Anmeldung kann nicht mehr storniert werden.")


class Anlass:
    """Why a participant gets an e-mail; names the mail templates."""

    BESTAETIGT = "bestaetigt"
    WARTELISTE = "warteliste"
    NACHGERUECKT = "nachgerueckt"
    ALLE = (BESTAETIGT, WARTELISTE, NACHGERUECKT)


@transaction.atomic
def anmeldung_erstellen(
    *,
    nutzer,
    durchgang: Durchgang,
    eintrittsdaten: Mapping[str, Any],
    einwilligung_textversion: str,
    benachrichtigen: bool = True,
) -> Anmeldung:
    """Enrol: a free seat confirms, otherwise the person joins the end of the waiting list.

    Records the ESF entry data (as of today) and the consent with its text version. A person
    who cancelled before may enrol in the same cohort again; the record is reused.
    """
    unbekannt = set(eintrittsdaten) - set(EINTRITTSDATEN_FELDER)
    if unbekannt:
        raise TypeError(f"Unbekannte Felder der Eintrittsdaten: {sorted(unbekannt)}")
    if einwilligung_textversion != einwilligung.TEXTVERSION:
        raise ValidationError(EINWILLIGUNG_VERALTET, code="einwilligung_veraltet")

    durchgang = Durchgang.objects.select_for_update().get(pk=durchgang.pk)
    if not durchgang.anmeldung_offen():
        raise ValidationError(ANMELDUNG_GESCHLOSSEN, code="geschlossen")
    anmeldung = Anmeldung.objects.filter(nutzer=nutzer, durchgang=durchgang).first()
    if anmeldung is not None and anmeldung.status != Anmeldung.Status.ABGEBROCHEN:
        raise ValidationError(ANMELDUNG_DOPPELT, code="doppelt")

    daten = getattr(anmeldung, "eintrittsdaten", None) or Eintrittsdaten()
    for feld, wert in eintrittsdaten.items():
        setattr(daten, feld, wert)
    daten.stichtag = timezone.localdate()
    daten.full_clean(exclude=["anmeldung"])

    # Whoever waits comes before a newcomer, should a seat have been freed without promotion.
    _nachruecken(durchgang, benachrichtigen=benachrichtigen)
    frei = durchgang.kapazitaet - belegte_plaetze(durchgang=durchgang)
    jetzt = timezone.now()
    anmeldung = anmeldung or Anmeldung(nutzer=nutzer, durchgang=durchgang)
    anmeldung.status = Anmeldung.Status.BESTAETIGT if frei > 0 else Anmeldung.Status.WARTELISTE
    anmeldung.angemeldet_am = jetzt
    anmeldung.status_geaendert_am = jetzt
    anmeldung.full_clean()
    anmeldung.save()
    daten.anmeldung = anmeldung
    daten.save()
    _einwilligung_erteilen(nutzer=nutzer)

    if benachrichtigen:
        anlass = (
            Anlass.BESTAETIGT
            if anmeldung.status == Anmeldung.Status.BESTAETIGT
            else Anlass.WARTELISTE
        )
        _benachrichtigen(anmeldung, anlass)
    return anmeldung


@transaction.atomic
def anmeldung_stornieren(*, anmeldung: Anmeldung, benachrichtigen: bool = True) -> Anmeldung:
    """Cancel an enrolment; a freed seat goes to the first person on the waiting list."""
    durchgang = Durchgang.objects.select_for_update().get(pk=anmeldung.durchgang_id)
    anmeldung = Anmeldung.objects.get(pk=anmeldung.pk)
    if anmeldung.status not in STORNIERBAR_STATUS:
        raise ValidationError(STORNO_NICHT_MOEGLICH, code="nicht_stornierbar")
    anmeldung.status = Anmeldung.Status.ABGEBROCHEN
    anmeldung.status_geaendert_am = timezone.now()
    anmeldung.full_clean()
    anmeldung.save(update_fields=["status", "status_geaendert_am"])
    _nachruecken(durchgang, benachrichtigen=benachrichtigen)
    return anmeldung


@transaction.atomic
def plaetze_nachbesetzen(*, durchgang: Durchgang, benachrichtigen: bool = True) -> list[Anmeldung]:
    """Promote waiting people into free seats (e.g. after the capacity was raised)."""
    durchgang = Durchgang.objects.select_for_update().get(pk=durchgang.pk)
    return _nachruecken(durchgang, benachrichtigen=benachrichtigen)


def _nachruecken(durchgang: Durchgang, *, benachrichtigen: bool) -> list[Anmeldung]:
    """The caller holds the row lock on the cohort."""
    if durchgang.status != Durchgang.Status.VEROEFFENTLICHT or (
        durchgang.ende < timezone.localdate()
    ):
        return []
    frei = durchgang.kapazitaet - belegte_plaetze(durchgang=durchgang)
    if frei <= 0:
        return []
    befoerdert = list(warteliste(durchgang=durchgang)[:frei])
    jetzt = timezone.now()
    for anmeldung in befoerdert:
        anmeldung.status = Anmeldung.Status.BESTAETIGT
        anmeldung.status_geaendert_am = jetzt
        anmeldung.full_clean()
        anmeldung.save(update_fields=["status", "status_geaendert_am"])
        if benachrichtigen:
            _benachrichtigen(anmeldung, Anlass.NACHGERUECKT)
    return befoerdert


def _einwilligung_erteilen(*, nutzer) -> Einwilligung:
    vorhanden = aktuelle_einwilligung(
        nutzer=nutzer, zweck=einwilligung.ZWECK, textversion=einwilligung.TEXTVERSION
    )
    if vorhanden is not None:
        return vorhanden
    neu = Einwilligung(
        nutzer=nutzer, zweck=einwilligung.ZWECK, textversion=einwilligung.TEXTVERSION
    )
    neu.full_clean()
    neu.save()
    return neu


def _benachrichtigen(anmeldung: Anmeldung, anlass: str) -> None:
    from .tasks import anmeldung_benachrichtigen

    anmeldung_id = anmeldung.pk
    transaction.on_commit(lambda: anmeldung_benachrichtigen.delay(anmeldung_id, anlass))


def anmeldung_mail_senden(*, anmeldung: Anmeldung, anlass: str) -> None:
    """Send the German e-mail for that occasion (called by the Celery task)."""
    if anlass not in Anlass.ALLE:
        raise ValueError(f"Unbekannter Anlass: {anlass}")
    kontext = {
        "anmeldung": anmeldung,
        "durchgang": anmeldung.durchgang,
        "kurs": anmeldung.durchgang.kurs,
        "nutzer": anmeldung.nutzer,
        "position": wartelisten_position(anmeldung=anmeldung),
        "url": settings.SITE_URL.rstrip("/") + reverse("kurse:mein_lernen"),
    }
    with translation.override("de"):
        betreff = render_to_string(f"teilnehmende/mails/{anlass}_betreff.txt", kontext)
        text = render_to_string(f"teilnehmende/mails/{anlass}.txt", kontext)
    send_mail(" ".join(betreff.split()), text, None, [anmeldung.nutzer.email])

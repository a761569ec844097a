"""Writes on enrolments: enrol (seat or waiting list), cancel, promote from the waiting list;
attendance at in-person sessions.

Every write that counts seats first locks the cohort row (`select_for_update`), so concurrent
enrolments queue on that lock and the capacity is never exceeded.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import DecimalField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from kern.aufgaben import nach_commit_einstellen
from kern.namen import hat_namen
from kern.protokoll import protokollieren
from kurse.models import Durchgang, Praesenztermin, stunden_text

from . import einwilligung
from .models import (
    EINTRITTSDATEN_FELDER,
    PLATZ_STATUS,
    STORNIERBAR_STATUS,
    Anmeldung,
    Anwesenheit,
    AnwesenheitAenderung,
    Eintrittsdaten,
    Einwilligung,
)
from .selectors import (
    aktuelle_einwilligung,
    anwesenheit_erreichbar,
    belegte_plaetze,
    warteliste,
    wartelisten_position,
)

ANMELDUNG_DOPPELT = _("Sie sind für diesen Durchgang bereits angemeldet.")
ANMELDUNG_GESCHLOSSEN = _("Für diesen Durchgang ist derzeit keine Anmeldung möglich.")
NAME_FEHLT = _(
    "Bitte geben Sie vor der Anmeldung Ihren Vor- und Nachnamen an; er erscheint auf Ihrem "
    "Zertifikat."
)
EINWILLIGUNG_VERALTET = _(
    "Der Einwilligungstext wurde inzwischen geändert. Bitte lesen Sie ihn erneut und stimmen "
    "Sie ihm zu."
)
STORNO_NICHT_MOEGLICH = _("Diese Anmeldung kann nicht mehr storniert werden.")
ANWESENHEIT_OHNE_PLATZ = _(
    "Anwesenheit kann nur für Teilnehmende mit Platz in dem Durchgang des Termins erfasst werden."
)
ANWESENHEIT_ZU_FRUEH = _(
    "Die Anwesenheit kann erst ab dem Tag des Termins ({datum}) erfasst werden."
)
ANWESENHEIT_STUNDEN_ZU_VIEL = _(
    "Es können höchstens {stunden} Stunden angerechnet werden (volle Teilnahme am Termin)."
)
ANWESENHEIT_STATUS_UNBEKANNT = _(
    "Bitte wählen Sie „anwesend“, „entschuldigt“ oder „unentschuldigt“."
)
ANWESENHEIT_STUNDEN_NULL = _("Bei „anwesend“ müssen mehr als 0 Stunden angerechnet werden.")
ANWESENHEIT_STUNDEN_OHNE_ANWESENHEIT = _(
    "Stunden werden nur bei „anwesend“ angerechnet. Bitte lassen Sie das Feld sonst leer."
)


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
    anwesenheit_pruefen: bool = True,
) -> Anmeldung:
    """Enrol: a free seat confirms, otherwise the person joins the end of the waiting list.

    Records the ESF entry data (as of today) and the consent with its text version. A person
    who cancelled before may enrol in the same cohort again; the record is reused. Once the
    cohort has begun, enrolment is refused when the attendance threshold can no longer be
    reached; an administrator enrolling someone explicitly passes `anwesenheit_pruefen=False`.
    """
    if not hat_namen(nutzer):
        raise ValidationError(NAME_FEHLT, code="name_fehlt")
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
    if anwesenheit_pruefen:
        erreichbar, grund = anwesenheit_erreichbar(durchgang=durchgang)
        if not erreichbar:
            raise ValidationError(grund, code="anwesenheit_unerreichbar")

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
    nach_commit_einstellen(anmeldung_benachrichtigen, anmeldung_id, anlass)


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


# --- attendance -----------------------------------------------------------------------------


class AnwesenheitUngueltig(Exception):
    """Some entries of an attendance list were refused; nothing of the list was saved.

    `fehler` maps the enrolment id to its ValidationError (keys: status, stunden, __all__).
    """

    def __init__(self, fehler: Mapping[int, ValidationError]):
        super().__init__(fehler)
        self.fehler = dict(fehler)


@dataclass(frozen=True)
class AnwesenheitEingabe:
    """One line of the trainer's list; `stunden=None` means the full session."""

    anmeldung: Anmeldung
    status: str
    stunden: Decimal | None = None


def _anrechenbare_stunden(termin: Praesenztermin, status: str, stunden: Decimal | None) -> Decimal:
    if status not in Anwesenheit.Status.values:
        raise ValidationError({"status": ANWESENHEIT_STATUS_UNBEKANNT})
    if status != Anwesenheit.Status.ANWESEND:
        if stunden:
            raise ValidationError({"stunden": ANWESENHEIT_STUNDEN_OHNE_ANWESENHEIT})
        return Decimal("0")
    if stunden is None:
        return termin.stunden
    if stunden <= 0:
        raise ValidationError({"stunden": ANWESENHEIT_STUNDEN_NULL})
    if stunden > termin.stunden:
        raise ValidationError(
            {
                "stunden": str(ANWESENHEIT_STUNDEN_ZU_VIEL).format(
                    stunden=stunden_text(termin.stunden)
                )
            }
        )
    return stunden


@transaction.atomic
def anwesenheit_setzen(
    *,
    anmeldung: Anmeldung,
    termin: Praesenztermin,
    status: str,
    stunden: Decimal | None = None,
    erfasst_von,
) -> Anwesenheit:
    """Record or change one participant's attendance at one session: the only place that
    writes `Anwesenheit` (lists and "alle anwesend" call it line by line). Every actual change
    adds an `AnwesenheitAenderung` (who, when, before/after); writing the same values again
    changes nothing.

    Permission checks belong to the caller (the trainer's attendance view).
    """
    if anmeldung.durchgang_id != termin.durchgang_id or anmeldung.status not in PLATZ_STATUS:
        raise ValidationError(ANWESENHEIT_OHNE_PLATZ, code="ohne_platz")
    if not termin.erfassbar():
        raise ValidationError(
            str(ANWESENHEIT_ZU_FRUEH).format(datum=f"{termin.datum:%d.%m.%Y}"), code="zu_frueh"
        )
    stunden = _anrechenbare_stunden(termin, status, stunden)

    anwesenheit = (
        Anwesenheit.objects.select_for_update().filter(anmeldung=anmeldung, termin=termin).first()
    )
    if anwesenheit is None:
        try:
            with transaction.atomic():
                return _schreiben(
                    Anwesenheit(anmeldung=anmeldung, termin=termin), status, stunden, erfasst_von
                )
        except IntegrityError:  # a parallel request recorded this person first: change that
            anwesenheit = Anwesenheit.objects.select_for_update().get(
                anmeldung=anmeldung, termin=termin
            )
    if (anwesenheit.status, anwesenheit.stunden) == (status, stunden):
        return anwesenheit
    return _schreiben(anwesenheit, status, stunden, erfasst_von)


def _schreiben(anwesenheit: Anwesenheit, status: str, stunden: Decimal, von) -> Anwesenheit:
    neu = anwesenheit.pk is None
    aenderung = AnwesenheitAenderung(
        status_vorher="" if neu else anwesenheit.status,
        stunden_vorher=None if neu else anwesenheit.stunden,
        status=status,
        stunden=stunden,
        geaendert_von=von,
        geaendert_am=timezone.now(),
    )
    anwesenheit.status, anwesenheit.stunden = status, stunden
    anwesenheit.erfasst_von, anwesenheit.geaendert_am = von, aenderung.geaendert_am
    anwesenheit.full_clean(validate_constraints=False)
    anwesenheit.save()
    anwesenheitsstunden_nachrechnen(Anmeldung.objects.filter(pk=anwesenheit.anmeldung_id))
    aenderung.anwesenheit = anwesenheit
    aenderung.full_clean()
    aenderung.save()
    protokollieren(
        aktion="anwesenheit_geaendert",
        akteur=von,
        betroffen=anwesenheit.anmeldung.nutzer,
        objekt=anwesenheit,
        details={
            "termin": anwesenheit.termin_id,
            "vorher": aenderung.status_vorher,
            "nachher": status,
            "stunden": str(stunden),
        },
    )
    return anwesenheit


def anwesenheitsstunden_nachrechnen(anmeldungen) -> int:
    """Set `Anmeldung.anwesenheitsstunden` of the given enrolments (a queryset) to the sum of
    their attended hours, in one UPDATE; returns the number of rows. Called for every attendance
    change; also for attendance written in bulk (bench, test factories) and by the migration."""
    summe = (
        Anwesenheit.objects.filter(anmeldung_id=OuterRef("pk"), status=Anwesenheit.Status.ANWESEND)
        .values("anmeldung_id")
        .annotate(summe=Sum("stunden"))
        .values("summe")
    )
    return anmeldungen.update(
        anwesenheitsstunden=Coalesce(Subquery(summe), Value(Decimal("0")), output_field=_STUNDEN)
    )


_STUNDEN = DecimalField(max_digits=7, decimal_places=2)


@transaction.atomic
def anwesenheiten_erfassen(
    *, termin: Praesenztermin, eintraege: Iterable[AnwesenheitEingabe], erfasst_von
) -> int:
    """Save a whole attendance list: all lines or none (`AnwesenheitUngueltig` names each
    refused line). Returns the number of records that changed."""
    vorher = {
        anmeldung_id: (status, stunden)
        for anmeldung_id, status, stunden in termin.anwesenheiten.values_list(
            "anmeldung_id", "status", "stunden"
        )
    }
    fehler: dict[int, ValidationError] = {}
    geaendert = 0
    for eintrag in eintraege:
        try:
            with transaction.atomic():
                nachher = anwesenheit_setzen(
                    anmeldung=eintrag.anmeldung,
                    termin=termin,
                    status=eintrag.status,
                    stunden=eintrag.stunden,
                    erfasst_von=erfasst_von,
                )
        except ValidationError as ungueltig:
            fehler[eintrag.anmeldung.pk] = ungueltig
            continue
        geaendert += vorher.get(eintrag.anmeldung.pk) != (nachher.status, nachher.stunden)
    if fehler:
        raise AnwesenheitUngueltig(fehler)
    return geaendert


@transaction.atomic
def alle_anwesend(*, termin: Praesenztermin, erfasst_von) -> int:
    """Mark every participant of the session's cohort who has no entry yet as present for the
    full session; entries already made stay as they are. Returns how many were marked."""
    from .selectors import teilnehmende_des_durchgangs

    erfasst = set(termin.anwesenheiten.values_list("anmeldung_id", flat=True))
    offen = [
        a for a in teilnehmende_des_durchgangs(durchgang=termin.durchgang) if a.pk not in erfasst
    ]
    for anmeldung in offen:
        anwesenheit_setzen(
            anmeldung=anmeldung,
            termin=termin,
            status=Anwesenheit.Status.ANWESEND,
            erfasst_von=erfasst_von,
        )
    return len(offen)

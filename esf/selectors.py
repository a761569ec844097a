"""Reads of the ESF exit and follow-up records: prompts, trainer list, completeness."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch
from django.utils import timezone

from teilnehmende.models import Anmeldung, Einwilligung

from .models import Erhebung, VerbleibLink
from .services import ENDE_STATUS, austritt_faellig, austrittstag_fuer, sechs_monate_nach

#: Enrolments the ESF counts as participants (entered the course).
TEILNAHME_STATUS = (Anmeldung.Status.BESTAETIGT, *ENDE_STATUS)

VOLLSTAENDIG = "vollstaendig"
FEHLT = "fehlt"
NICHT_ERHEBBAR = "nicht_erhebbar"
OFFEN = "offen"  # not due yet (still running, or six months not over)


def offene_austritte(*, nutzer) -> list[Anmeldung]:
    """The person's enrolments that ended and still lack the exit questionnaire (one query)."""
    anmeldungen = (
        Anmeldung.objects.filter(nutzer=nutzer, status__in=ENDE_STATUS, austrittsdaten__isnull=True)
        .select_related("durchgang__kurs")
        .order_by("status_geaendert_am", "pk")
    )
    return [a for a in anmeldungen if austritt_faellig(a)]


def austritte_des_durchgangs(*, durchgang) -> list[Anmeldung]:
    """Ended enrolments of a cohort with their exit record (or None), for trainers/admins."""
    anmeldungen = (
        Anmeldung.objects.filter(durchgang=durchgang, status__in=ENDE_STATUS)
        .select_related("nutzer", "durchgang", "austrittsdaten")
        .order_by("nutzer__last_name", "nutzer__first_name", "pk")
    )
    return [a for a in anmeldungen if austritt_faellig(a)]


@dataclass
class Zaehlung:
    vollstaendig: int = 0
    fehlt: int = 0
    nicht_erhebbar: int = 0


@dataclass
class Kohorte:
    durchgang: object
    eintritt: Zaehlung = field(default_factory=Zaehlung)
    austritt: Zaehlung = field(default_factory=Zaehlung)
    verbleib: Zaehlung = field(default_factory=Zaehlung)
    #: (enrolment, {"eintritt"|"austritt"|"verbleib": state}) of every incomplete one.
    luecken: list = field(default_factory=list)


def stand(anmeldung: Anmeldung, *, jetzt: datetime.datetime) -> dict[str, str]:
    """Per record of one enrolment: vollstaendig / fehlt / nicht_erhebbar / offen."""
    ergebnis = {
        "eintritt": VOLLSTAENDIG if hasattr(anmeldung, "eintrittsdaten") else FEHLT,
        "austritt": OFFEN,
        "verbleib": OFFEN,
    }
    if not austritt_faellig(anmeldung):
        return ergebnis
    daten = getattr(anmeldung, "austrittsdaten", None)
    if daten is None:
        ergebnis["austritt"] = FEHLT
    elif daten.erhebung == Erhebung.NICHT_ERHEBBAR:
        ergebnis["austritt"] = NICHT_ERHEBBAR
    else:
        ergebnis["austritt"] = VOLLSTAENDIG
    tag = daten.austrittstag if daten else austrittstag_fuer(anmeldung)
    if sechs_monate_nach(tag) > timezone.localdate(jetzt):
        return ergebnis
    verbleib = getattr(anmeldung, "verbleib", None)
    if verbleib is not None and verbleib.beantwortet_am:
        ergebnis["verbleib"] = VOLLSTAENDIG
    elif not anmeldung.erreichbar:
        ergebnis["verbleib"] = NICHT_ERHEBBAR  # account deleted or consent withdrawn
    elif (
        verbleib is not None
        and verbleib.links.all()
        and all(link.gueltig_bis <= jetzt for link in verbleib.links.all())
    ):
        ergebnis["verbleib"] = NICHT_ERHEBBAR  # every link expired unanswered
    else:
        ergebnis["verbleib"] = FEHLT
    return ergebnis


def vollstaendigkeit(*, jetzt: datetime.datetime | None = None) -> list[Kohorte]:
    """Per cohort: counts of complete, missing and not obtainable entry/exit/follow-up records."""
    jetzt = jetzt or timezone.now()
    einwilligung = Einwilligung.objects.filter(
        nutzer=OuterRef("nutzer"), zweck=Einwilligung.Zweck.TEILNAHME, widerrufen_am__isnull=True
    )
    anmeldungen = (
        Anmeldung.objects.filter(status__in=TEILNAHME_STATUS)
        .select_related("nutzer", "durchgang__kurs", "eintrittsdaten", "austrittsdaten", "verbleib")
        .prefetch_related(Prefetch("verbleib__links", queryset=VerbleibLink.objects.all()))
        .annotate(erreichbar=Exists(einwilligung))
        .order_by("durchgang__beginn", "durchgang_id", "nutzer__last_name", "pk")
    )
    kohorten: dict[int, Kohorte] = {}
    for anmeldung in anmeldungen:
        if anmeldung.nutzer_id is None or not anmeldung.nutzer.is_active:
            anmeldung.erreichbar = False
        kohorte = kohorten.setdefault(anmeldung.durchgang_id, Kohorte(anmeldung.durchgang))
        zustand = stand(anmeldung, jetzt=jetzt)
        for teil, wert in zustand.items():
            if wert != OFFEN:
                zaehlung = getattr(kohorte, teil)
                setattr(zaehlung, wert, getattr(zaehlung, wert) + 1)
        if FEHLT in zustand.values() or NICHT_ERHEBBAR in zustand.values():
            kohorte.luecken.append((anmeldung, zustand))
    return list(kohorten.values())

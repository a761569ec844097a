"""A small, hand-countable set of enrolments (see `bestand`), built through the services."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from kern.models import Kreis
from kurse.models import Durchgang
from teilnehmende.models import Anwesenheit, Eintrittsdaten
from teilnehmende.services import anmeldung_stornieren, anwesenheit_setzen
from tests.kurse.factories import anmelden, durchgang_fuer, kurs_anlegen, person
from tests.teilnehmende.termine import termin_anlegen
from zertifikate.services import zertifikat_ausstellen, zertifikat_neu_ausstellen

HAMM, MUENSTER = "05915", "05515"


@pytest.fixture
def bestand(site):
    """14 enrolments in two cohorts (hand-counted in the tests):

    D1 (course 1): 5 women 30–54 active (Hamm, Kommune); 3 men 55+ completed (Münster, freier
    Träger, entered in Q2 of last year); 1 diverse person without year of birth, dropped out
    (outside NRW, sonstige); 1 person without gender answer, 18–29, active (Hamm).
    D2 (course 2, 2 seats): 2 women 30–54 active, 2 women on the waiting list (Hamm).

    Certificates: the 3 men, each one valid certificate (the third man's was re-issued: one
    "ersetzt", one "gültig"). Attendance at D1's one session of 6 hours: 4 women 6 h, 1 woman
    4.5 h, the person without gender answer 6 h, 2 men 6 h, the third man unexcused (0 h).
    Hours by gender: weiblich 28.5 (5 persons), männlich 12 (2), keine Angabe 6 (1); total 46.5.
    """
    jahr = timezone.localdate().year
    kurs1, kurs2 = kurs_anlegen(), kurs_anlegen()
    d1 = durchgang_fuer(kurs1, kapazitaet=20, titel="Durchgang A")
    d2 = durchgang_fuer(kurs2, kapazitaet=2, titel="Durchgang B")
    frauen = [anmelden(person(), d1, geburtsjahr=jahr - 36) for _ in range(5)]
    fertig = [
        anmelden(
            person(),
            d1,
            geschlecht="maennlich",
            geburtsjahr=jahr - 56,
            bildung="isced_3_4",
            organisationsart="freier_traeger",
            organisation="Caritas Münster",
            kommune="Münster",
            kreis=Kreis.objects.get(schluessel=MUENSTER),
        )
        for _ in range(3)
    ]
    # The certificate completes the enrolment (its rules are the certificate feature's tests).
    for anmeldung in fertig:
        zertifikat = zertifikat_ausstellen(
            anmeldung=anmeldung, benachrichtigen=False, pdf_erzeugen=False
        )
    zertifikat_neu_ausstellen(zertifikat=zertifikat, grund="Name berichtigt", von=None)
    # Entries of an earlier quarter (the service always records today as the day of entry).
    Eintrittsdaten.objects.filter(anmeldung__in=fertig).update(
        stichtag=datetime.date(jahr - 1, 5, 10)
    )
    abbrecherin = anmelden(
        person(),
        d1,
        geschlecht="divers",
        geburtsjahr=None,
        bildung="keine_angabe",
        erwerbsstatus="arbeitslos",
        organisationsart="sonstige",
        organisation="Verein X",
        kommune="Osnabrück",
        kreis=None,
    )
    anmeldung_stornieren(anmeldung=abbrecherin)
    ohne_angabe = anmelden(
        person(), d1, geschlecht="keine_angabe", geburtsjahr=jahr - 21, bildung="isced_0_2"
    )
    _anwesenheit_erfassen(d1, frauen=frauen, ohne_angabe=ohne_angabe, maenner=fertig)
    for _ in range(4):
        anmelden(person(), d2, geburtsjahr=jahr - 41)
    return {
        "kurs1": kurs1,
        "kurs2": kurs2,
        "d1": d1,
        "d2": d2,
        "jahr": jahr,
        "maenner": fertig,
    }


def _anwesenheit_erfassen(durchgang, *, frauen, ohne_angabe, maenner):
    """D1 began 60 days ago (only past sessions take attendance); one session of 6 hours."""
    heute = timezone.localdate()
    Durchgang.objects.filter(pk=durchgang.pk).update(
        beginn=heute - datetime.timedelta(days=60), anmeldung_von=heute - datetime.timedelta(90)
    )
    durchgang.refresh_from_db()
    termin = termin_anlegen(durchgang, tage_her=7, stunden="6")
    anwesend = Anwesenheit.Status.ANWESEND
    eintraege = [(a, anwesend, None) for a in [*frauen[:4], ohne_angabe, *maenner[:2]]]
    eintraege += [
        (frauen[4], anwesend, Decimal("4.5")),
        (maenner[2], Anwesenheit.Status.UNENTSCHULDIGT, None),
    ]
    for anmeldung, status, stunden in eintraege:
        anwesenheit_setzen(
            anmeldung=anmeldung, termin=termin, status=status, stunden=stunden, erfasst_von=None
        )

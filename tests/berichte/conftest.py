"""A small, hand-countable set of enrolments (see `bestand`), built through the services."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from kern.models import Kreis
from teilnehmende.models import Anmeldung, Eintrittsdaten
from teilnehmende.services import anmeldung_stornieren
from tests.kurse.factories import anmelden, durchgang_fuer, kurs_anlegen, person

HAMM, MUENSTER = "05915", "05515"


@pytest.fixture
def bestand(site):
    """14 enrolments in two cohorts (hand-counted in the tests):

    D1 (course 1): 5 women 30–54 active (Hamm, Kommune); 3 men 55+ completed (Münster, freier
    Träger, entered in Q2 of last year); 1 diverse person without year of birth, dropped out
    (outside NRW, sonstige); 1 person without gender answer, 18–29, active (Hamm).
    D2 (course 2, 2 seats): 2 women 30–54 active, 2 women on the waiting list (Hamm).
    """
    jahr = timezone.localdate().year
    kurs1, kurs2 = kurs_anlegen(), kurs_anlegen()
    d1 = durchgang_fuer(kurs1, kapazitaet=20, titel="Durchgang A")
    d2 = durchgang_fuer(kurs2, kapazitaet=2, titel="Durchgang B")
    for _ in range(5):
        anmelden(person(), d1, geburtsjahr=jahr - 36)
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
    # Completion is the certificate feature's service; here only the resulting state matters.
    Anmeldung.objects.filter(pk__in=[a.pk for a in fertig]).update(
        status=Anmeldung.Status.ABGESCHLOSSEN
    )
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
    anmelden(person(), d1, geschlecht="keine_angabe", geburtsjahr=jahr - 21, bildung="isced_0_2")
    for _ in range(4):
        anmelden(person(), d2, geburtsjahr=jahr - 41)
    return {"kurs1": kurs1, "kurs2": kurs2, "d1": d1, "d2": d2, "jahr": jahr}

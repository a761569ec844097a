"""A course with two modules of two required lessons, a cohort with a trainer, one participant."""

from __future__ import annotations

import pytest

from kurse.services import lektion_abschliessen
from tests.kurse.factories import (
    anmelden,
    durchgang_fuer,
    kurs_anlegen,
    person,
    pflichtlektionen,
)
from zertifikate import regeln


@pytest.fixture
def lage(site, trainerin):
    kurs = kurs_anlegen(module=2, lektionen=2, freiwillig_je_modul=1)
    durchgang = durchgang_fuer(kurs, trainer=[trainerin])
    ich = person("absolventin")
    ich.first_name, ich.last_name = "Amelie", "Absolventin"
    ich.save()
    anmeldung = anmelden(ich, durchgang)
    return {"kurs": kurs, "durchgang": durchgang, "ich": ich, "anmeldung": anmeldung}


def alles_erledigen(nutzer, kurs) -> None:
    for lektion in pflichtlektionen(kurs):
        lektion_abschliessen(nutzer=nutzer, lektion=lektion)


@pytest.fixture
def registrierte_regel():
    """Registers a test rule for one test and removes it afterwards."""
    namen = []

    def registrieren(name, funktion):
        namen.append(name)
        return regeln.registrieren(name, funktion)

    yield registrieren
    for name in namen:
        regeln.entfernen(name)

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


@pytest.fixture(autouse=True)
def _nur_lektionsregel(request):
    """Most tests here are about issuing itself and run with the lesson rule alone; tests marked
    `alle_regeln` keep the programme's three rules (attendance and presentation too)."""
    if request.node.get_closest_marker("alle_regeln"):
        yield
        return
    weitere = {n: r for n, r in regeln._REGELN.items() if n in ("anwesenheit", "praesentation")}
    for name in weitere:
        regeln.entfernen(name)
    yield
    for name, regel in weitere.items():
        regeln.registrieren(name, regel.pruefen)

"""Fixtures of the H5P tests: stored packages and a lesson of a course embedding one."""

from __future__ import annotations

import pytest

from h5p.anbindung import Regel
from h5p.services import paket_hochladen
from kern import rollen
from kurse.models import LektionSeite
from tests.h5p.pakete import ECHTES_PAKET, als_zip, minimal
from tests.kurse.factories import anmelden, durchgang_fuer, kurs_anlegen, person


def paket_aus(dateien=None, name="beispiel.h5p"):
    return paket_hochladen(datei=als_zip(dateien or minimal()), dateiname=name)


def h5p_einbauen(lektion: LektionSeite, paket, regel=Regel.ABGESCHLOSSEN, schwelle=None):
    """Append an H5P block to the lesson and publish it (as an editor does in the admin)."""
    roh = list(lektion.inhalt.raw_data)
    roh.append(
        {
            "type": "h5p",
            "value": {"paket": paket.pk, "ueberschrift": "", "regel": regel, "schwelle": schwelle},
        }
    )
    lektion.inhalt = roh
    lektion.save_revision().publish()
    return LektionSeite.objects.get(pk=lektion.pk)


@pytest.fixture
def paket(db):
    return paket_aus()


@pytest.fixture
def echtes_paket(db):
    return paket_hochladen(datei=ECHTES_PAKET, dateiname=ECHTES_PAKET.name)


@pytest.fixture
def lage(site, paket):
    """A course whose first lesson embeds `paket`; its cohort with a participant and a trainer;
    a second course with its own participant and trainer (the "other cohort")."""
    kurs = kurs_anlegen(module=1, lektionen=2)
    trainerin = person("h5p-trainerin", rollen.TRAINER)
    teilnehmerin = person("h5p-teilnehmerin")
    anmelden(teilnehmerin, durchgang_fuer(kurs, trainer=[trainerin]))
    lektion = LektionSeite.objects.descendant_of(kurs).order_by("path").first()
    lektion = h5p_einbauen(lektion, paket)

    anderer_kurs = kurs_anlegen(module=1, lektionen=1)
    fremde_trainerin = person("fremde-trainerin", rollen.TRAINER)
    fremde_teilnehmerin = person("fremde-teilnehmerin")
    anmelden(fremde_teilnehmerin, durchgang_fuer(anderer_kurs, trainer=[fremde_trainerin]))
    return {
        "kurs": kurs,
        "lektion": lektion,
        "paket": paket,
        "teilnehmerin": teilnehmerin,
        "trainerin": trainerin,
        "fremde_teilnehmerin": fremde_teilnehmerin,
        "fremde_trainerin": fremde_trainerin,
    }

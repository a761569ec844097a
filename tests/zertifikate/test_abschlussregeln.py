"""The programme's three completion rules together: lessons, attendance and an accepted final
presentation; the certificate comes by itself when the last of them is met."""

from __future__ import annotations

import pytest

from kern.models import Protokolleintrag
from teilnehmende.models import Anwesenheit
from teilnehmende.services import anwesenheit_setzen
from tests.kurse.factories import anmelden, person
from tests.teilnehmende.praesentation_hilfen import einreichen, entscheiden, lage_anlegen
from tests.teilnehmende.termine import laufender_durchgang, termin_anlegen
from zertifikate import regeln
from zertifikate.models import Zertifikat

from .conftest import alles_erledigen

pytestmark = pytest.mark.alle_regeln


@pytest.fixture
def lage(site, trainerin):
    lage = lage_anlegen(trainerin, person("vorlage"))
    durchgang = laufender_durchgang(lage["kurs"], trainer=[trainerin])
    ich = person("absolventin")
    lage |= {
        "durchgang": durchgang,
        "ich": ich,
        "anmeldung": anmelden(ich, durchgang),
        "termine": [termin_anlegen(durchgang, tage_her=14), termin_anlegen(durchgang, tage_her=7)],
    }
    return lage


def _anwesend(lage, trainerin, *termine):
    for termin in termine:
        anwesenheit_setzen(
            anmeldung=lage["anmeldung"],
            termin=termin,
            status=Anwesenheit.Status.ANWESEND,
            erfasst_von=trainerin,
        )


def test_alle_drei_regeln_sind_registriert():
    assert [r.name for r in regeln.regeln()][:3] == [
        "pflichtlektionen",
        "anwesenheit",
        "praesentation",
    ]


def test_zertifikat_erst_wenn_alle_regeln_erfuellt_sind(
    lage, trainerin, django_capture_on_commit_callbacks
):
    anmeldung = lage["anmeldung"]
    with django_capture_on_commit_callbacks(execute=True):
        alles_erledigen(lage["ich"], lage["kurs"])
        _anwesend(lage, trainerin, lage["termine"][0])
    assert not Zertifikat.objects.filter(anmeldung=anmeldung).exists()
    ergebnis = {e.regel: e for e in regeln.auswerten(anmeldung)}
    assert ergebnis["pflichtlektionen"].erfuellt
    assert not ergebnis["anwesenheit"].erfuellt and "80" in ergebnis["anwesenheit"].erklaerung
    assert not ergebnis["praesentation"].erfuellt

    with django_capture_on_commit_callbacks(execute=True):
        _anwesend(lage, trainerin, lage["termine"][1])
        praesentation = einreichen(anmeldung).praesentation
    assert not Zertifikat.objects.filter(anmeldung=anmeldung).exists()

    with django_capture_on_commit_callbacks(execute=True):
        entscheiden(praesentation, trainerin, lage, "angenommen")
    zertifikat = Zertifikat.objects.get(anmeldung=anmeldung)
    assert zertifikat.status == Zertifikat.Status.GUELTIG


def test_sensible_aktionen_stehen_im_protokoll(lage, trainerin, administratorin):
    from zertifikate.services import zertifikat_ausstellen, zertifikat_widerrufen

    _anwesend(lage, trainerin, lage["termine"][0])
    praesentation = einreichen(lage["anmeldung"]).praesentation
    entscheiden(praesentation, trainerin, lage, "ueberarbeitung")
    zertifikat = zertifikat_ausstellen(anmeldung=lage["anmeldung"], pdf_erzeugen=False)
    zertifikat_widerrufen(zertifikat=zertifikat, grund="Falscher Name", von=administratorin)
    aktionen = set(Protokolleintrag.objects.values_list("aktion", flat=True))
    assert {
        "anwesenheit_geaendert",
        "begutachtung_entschieden",
        "zertifikat_widerrufen",
    } <= aktionen
    assert all("absolventin" not in str(e.details) for e in Protokolleintrag.objects.all())


@pytest.mark.parametrize("fehlt", ["pflichtlektionen", "anwesenheit", "praesentation"])
def test_eine_fehlende_bedingung_verhindert_das_zertifikat(
    lage, trainerin, fehlt, django_capture_on_commit_callbacks
):
    from zertifikate.services import pruefen_und_ausstellen

    anmeldung = lage["anmeldung"]
    with django_capture_on_commit_callbacks(execute=True):
        if fehlt != "pflichtlektionen":
            alles_erledigen(lage["ich"], lage["kurs"])
        if fehlt != "anwesenheit":
            _anwesend(lage, trainerin, *lage["termine"])
        if fehlt != "praesentation":
            praesentation = einreichen(anmeldung).praesentation
            entscheiden(praesentation, trainerin, lage, "angenommen")
    ergebnis = {e.regel: e.erfuellt for e in regeln.auswerten(anmeldung)}
    assert [name for name, erfuellt in ergebnis.items() if not erfuellt] == [fehlt]
    assert pruefen_und_ausstellen(anmeldung) is None
    assert not Zertifikat.objects.filter(anmeldung=anmeldung).exists()

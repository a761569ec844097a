"""Attended hours and share: the threshold rule the certificate uses, excused absences apart,
and the hour sums of the funder figures."""

import datetime
from decimal import Decimal

import pytest

from teilnehmende.models import Anmeldung, Anwesenheit
from teilnehmende.selectors import (
    ANWESENHEIT_OHNE_TERMINE,
    anwesenheit_erfuellt,
    anwesenheit_stand,
)
from teilnehmende.services import anwesenheit_setzen, anwesenheitsstunden_nachrechnen
from tests.kurse.factories import anmelden, kurs_anlegen, person
from tests.teilnehmende.termine import laufender_durchgang, termin_anlegen

ANWESEND = Anwesenheit.Status.ANWESEND
ENTSCHULDIGT = Anwesenheit.Status.ENTSCHULDIGT
UNENTSCHULDIGT = Anwesenheit.Status.UNENTSCHULDIGT


@pytest.fixture
def lage(site, trainerin):
    kurs = kurs_anlegen(module=1, lektionen=1)
    durchgang = laufender_durchgang(kurs, trainer=[trainerin])
    # Four sessions of 6 hours: 24 hours in all; the last one still to come.
    termine = [termin_anlegen(durchgang, tage_her=t) for t in (30, 20, 10, -10)]
    return {
        "kurs": kurs,
        "durchgang": durchgang,
        "termine": termine,
        "berta": anmelden(person("berta"), durchgang),
        "trainerin": trainerin,
    }


def _erfassen(lage, anmeldung, eintraege):
    for termin, (status, stunden) in zip(lage["termine"], eintraege, strict=False):
        anwesenheit_setzen(
            anmeldung=anmeldung,
            termin=termin,
            status=status,
            stunden=Decimal(stunden) if stunden else None,
            erfasst_von=lage["trainerin"],
        )


def test_stunden_anteil_und_entschuldigte_getrennt(lage):
    _erfassen(lage, lage["berta"], [(ANWESEND, None), (ANWESEND, "4.5"), (ENTSCHULDIGT, None)])
    stand = anwesenheit_stand(anmeldung=lage["berta"])
    assert stand.stunden_gesamt == Decimal("24")
    assert stand.stunden_anwesend == Decimal("10.5")
    assert (stand.anzahl_anwesend, stand.anzahl_entschuldigt, stand.anzahl_unentschuldigt) == (
        2,
        1,
        0,
    )
    assert stand.stunden_entschuldigt == Decimal("6")
    assert stand.anzahl_offen == 1
    assert stand.anteil == 43  # 10.5 / 24 = 43.75 %, rounded down
    assert anwesenheit_erfuellt(lage["berta"]) == (
        False,
        "Anwesenheit 10,5 von 24 Stunden (43 %) an 2 von 4 Terminen, nötig sind 80 %. "
        "1 Termin entschuldigt versäumt (6 Stunden, zählen nicht als Anwesenheit).",
    )


def test_schwelle_genau_erreicht_und_knapp_verfehlt(lage):
    kurs = lage["kurs"]
    kurs.anwesenheit_schwelle = 75
    kurs.save_revision().publish()
    anmeldung = Anmeldung.objects.select_related("durchgang__kurs").get(pk=lage["berta"].pk)
    # 18 of 24 hours = exactly 75 %.
    _erfassen(lage, anmeldung, [(ANWESEND, None), (ANWESEND, None), (ANWESEND, None)])
    assert anwesenheit_erfuellt(anmeldung) == (
        True,
        "Anwesenheit 18 von 24 Stunden (75 %) an 3 von 4 Terminen, nötig sind 75 %.",
    )
    # 17.75 of 24 hours = 73.96 %.
    _erfassen(lage, anmeldung, [(ANWESEND, "5.75")])
    erfuellt, text = anwesenheit_erfuellt(anmeldung)
    assert not erfuellt and "(73 %)" in text


def test_ohne_erfassung_zaehlt_nichts(lage):
    assert anwesenheit_erfuellt(lage["berta"]) == (
        False,
        "Anwesenheit 0 von 24 Stunden (0 %) an 0 von 4 Terminen, nötig sind 80 %.",
    )


def test_unentschuldigt_zaehlt_wie_nicht_anwesend(lage):
    _erfassen(lage, lage["berta"], [(UNENTSCHULDIGT, None)])
    stand = anwesenheit_stand(anmeldung=lage["berta"])
    assert (stand.stunden_anwesend, stand.anzahl_unentschuldigt, stand.anzahl_entschuldigt) == (
        0,
        1,
        0,
    )
    assert "entschuldigt" not in stand.erklaerung


def test_alle_termine_voll_erfuellt(lage, django_assert_max_num_queries):
    for termin in lage["termine"]:
        termin.datum = termin.datum - datetime.timedelta(days=20)  # all in the past now
        termin.save()
    _erfassen(lage, lage["berta"], [(ANWESEND, None)] * 4)
    with django_assert_max_num_queries(4):
        erfuellt, text = anwesenheit_erfuellt(lage["berta"])
    assert erfuellt and text.startswith("Anwesenheit 24 von 24 Stunden (100 %) an 4 von 4")


def test_durchgang_ohne_termine(site):
    anmeldung = anmelden(person("ohne"), laufender_durchgang(kurs_anlegen(module=1, lektionen=1)))
    assert anwesenheit_erfuellt(anmeldung) == (True, str(ANWESENHEIT_OHNE_TERMINE))


def test_stundensumme_der_anmeldung_fuer_foerderberichte(lage):
    """`Anmeldung.anwesenheitsstunden` (summed by the funder report) follows every change the
    service makes, and a rebuild from the rows gives the same figures."""
    anton = anmelden(person("anton"), lage["durchgang"], kommune="Ahlen")
    _erfassen(lage, lage["berta"], [(ANWESEND, None), (ANWESEND, "4.5"), (ENTSCHULDIGT, None)])
    _erfassen(lage, anton, [(ANWESEND, "2"), (UNENTSCHULDIGT, None)])

    def stunden():
        return dict(Anmeldung.objects.values_list("pk", "anwesenheitsstunden"))

    assert stunden() == {lage["berta"].pk: Decimal("10.5"), anton.pk: Decimal("2")}
    # Changing a session to "excused" takes its hours out again.
    _erfassen(lage, anton, [(ENTSCHULDIGT, None)])
    assert stunden() == {lage["berta"].pk: Decimal("10.5"), anton.pk: Decimal("0")}

    Anmeldung.objects.update(anwesenheitsstunden=Decimal("99"))
    assert anwesenheitsstunden_nachrechnen(Anmeldung.objects.all()) == 2
    assert stunden() == {lage["berta"].pk: Decimal("10.5"), anton.pk: Decimal("0")}

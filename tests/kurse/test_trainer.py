"""Trainer area: own cohorts only, each participant's progress."""

import pytest
from django.urls import reverse

from kern import rollen
from kurse.models import LektionSeite
from kurse.services import lektion_abschliessen
from tests.hilfen import vier_stufen_pruefen
from tests.kurse.factories import anmelden, durchgang_fuer, kurs_anlegen, person

START = reverse("kurse:trainer_start")


@pytest.fixture
def lage(site, trainerin):
    kurs = kurs_anlegen(module=2, lektionen=2)
    meiner = durchgang_fuer(kurs, kapazitaet=2, trainer=[trainerin], titel="Mein Durchgang")
    fremde_trainerin = person("fremdtrainerin", rollen.TRAINER)
    fremder = durchgang_fuer(kurs, trainer=[fremde_trainerin], titel="Fremder Durchgang")
    berta = person("berta")
    anmelden(berta, meiner, organisation="Kreis Coesfeld, Jugendamt")
    for lektion in LektionSeite.objects.descendant_of(kurs).order_by("path")[:3]:
        lektion_abschliessen(nutzer=berta, lektion=lektion)
    anmelden(person("anton"), meiner)
    anmelden(person("wilma"), meiner)  # waiting
    anmelden(person("fritz"), fremder)
    return {"meiner": meiner, "fremder": fremder, "fremde_trainerin": fremde_trainerin}


def test_trainerbereich_vier_stufen(client, lage, trainerin, teilnehmerin, foerderer, redakteurin):
    vier_stufen_pruefen(
        client,
        START,
        erlaubt=[trainerin, lage["fremde_trainerin"], person("admin", rollen.ADMINISTRATION)],
        abgelehnt=[teilnehmerin, foerderer, redakteurin],
    )


def test_durchgang_nur_fuer_seine_trainer(client, lage, trainerin, teilnehmerin, foerderer):
    url = reverse("kurse:trainer_durchgang", args=[lage["meiner"].pk])
    vier_stufen_pruefen(
        client,
        url,
        erlaubt=[trainerin, person("admin", rollen.ADMINISTRATION)],
        abgelehnt=[lage["fremde_trainerin"], teilnehmerin, foerderer, person("berta2")],
    )


def test_startseite_listet_nur_eigene_durchgaenge(client, lage, trainerin):
    client.force_login(trainerin)
    html = client.get(START).content.decode()
    assert "Mein Durchgang" in html and "Fremder Durchgang" not in html
    assert reverse("kurse:trainer_durchgang", args=[lage["meiner"].pk]) in html
    assert "2 von 2" in html  # seats taken
    assert '<th scope="col">Warteliste</th>' in html


def test_admin_sieht_alle_durchgaenge(client, lage):
    client.force_login(person("admin", rollen.ADMINISTRATION))
    html = client.get(START).content.decode()
    assert "Mein Durchgang" in html and "Fremder Durchgang" in html


def test_trainer_ohne_durchgang(client, site):
    client.force_login(person("neu", rollen.TRAINER))
    assert "Ihnen ist noch kein Durchgang zugeordnet." in client.get(START).content.decode()


def test_fortschrittstabelle(client, lage, trainerin):
    client.force_login(trainerin)
    html = client.get(reverse("kurse:trainer_durchgang", args=[lage["meiner"].pk])).content.decode()
    assert '<th scope="row">Berta Test</th>' in html
    assert "Kreis Coesfeld, Jugendamt" in html
    assert "3 von 4 (75 %)" in html  # course total
    assert '"Modul 1">2 von 2</td>' in html and '"Modul 2">1 von 2</td>' in html  # per module
    assert '<th scope="row">Anton Test</th>' in html and "0 von 4 (0 %)" in html
    warteliste = html.split('id="warteliste-titel"', 1)[1]
    assert "Wilma Test" in warteliste
    assert "Fritz Test" not in html

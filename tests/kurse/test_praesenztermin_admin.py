"""Sessions are managed in the Wagtail admin (snippet) by Redaktion and Administration."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from kurse.models import TERMIN_ENDE_VOR_BEGINN, Praesenztermin
from kurse.wagtail_hooks import TERMIN_MIT_ANWESENHEIT
from tests.kurse.factories import kurs_anlegen
from tests.teilnehmende.termine import laufender_durchgang

LISTE = "wagtailsnippets_kurse_praesenztermin:list"
NEU = "wagtailsnippets_kurse_praesenztermin:add"


@pytest.fixture
def durchgang(site):
    return laufender_durchgang(kurs_anlegen(module=1, lektionen=1))


def daten(durchgang, **abweichend) -> dict:
    return {
        "durchgang": durchgang.pk,
        "titel": "Präsenztag 1",
        "datum": (durchgang.beginn + datetime.timedelta(days=7)).isoformat(),
        "beginn": "09:30",
        "ende": "17:00",
        "ort": "Tagungshaus Am Aasee, Münster",
        "online_link": "",
        "unterrichtseinheiten": "8",
        "stunden": "",
        "schwerpunkte": "Kennenlernen\nThemenfindung",
    } | abweichend


def test_redaktion_legt_termin_an(client, durchgang, redakteurin, trainerin):
    client.force_login(redakteurin)
    assert client.get(reverse(LISTE)).status_code == 200
    antwort = client.post(reverse(NEU), daten(durchgang, trainer=[trainerin.pk]))
    assert antwort.status_code == 302, antwort.content.decode()[:3000]
    termin = Praesenztermin.objects.get()
    assert (termin.durchgang, termin.beginn, termin.stunden) == (
        durchgang,
        datetime.time(9, 30),
        Decimal("6"),  # 8 teaching units × 45 minutes
    )
    assert termin.schwerpunkt_liste == ["Kennenlernen", "Themenfindung"]
    assert list(termin.trainer.all()) == [trainerin]


def test_fehleingabe_im_admin(client, durchgang, administratorin):
    client.force_login(administratorin)
    antwort = client.post(reverse(NEU), daten(durchgang, beginn="18:00"))
    assert antwort.status_code == 200
    assert str(TERMIN_ENDE_VOR_BEGINN) in antwort.content.decode()
    assert not Praesenztermin.objects.exists()


def test_trainer_und_teilnehmende_verwalten_keine_termine(
    client, durchgang, trainerin, teilnehmerin
):
    for nutzer in (trainerin, teilnehmerin):
        client.force_login(nutzer)
        antwort = client.post(reverse(NEU), daten(durchgang))
        assert antwort.status_code in (302, 403)
        assert antwort.status_code == 403 or "/cms-admin/login/" in antwort.url
    assert not Praesenztermin.objects.exists()


def test_termin_mit_anwesenheit_laesst_sich_nicht_loeschen(client, durchgang, redakteurin):
    from teilnehmende.services import anwesenheit_setzen
    from tests.kurse.factories import anmelden, person
    from tests.teilnehmende.termine import termin_anlegen

    termin = termin_anlegen(durchgang)
    leer = termin_anlegen(durchgang)
    anwesenheit_setzen(
        anmeldung=anmelden(person("berta"), durchgang),
        termin=termin,
        status="anwesend",
        erfasst_von=redakteurin,
    )
    client.force_login(redakteurin)
    loeschen = "wagtailsnippets_kurse_praesenztermin:delete"
    antwort = client.post(reverse(loeschen, args=[termin.pk]), follow=True)
    assert str(TERMIN_MIT_ANWESENHEIT).format(titel=termin.titel) in antwort.content.decode()
    assert Praesenztermin.objects.filter(pk=termin.pk).exists()
    client.post(reverse(loeschen, args=[leer.pk]))
    assert not Praesenztermin.objects.filter(pk=leer.pk).exists()

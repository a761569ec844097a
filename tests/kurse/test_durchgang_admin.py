"""Cohorts are managed in the Wagtail admin (snippet) by Redaktion and Administration."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kurse.models import (
    DURCHGANG_ANMELDESCHLUSS_NACH_ENDE,
    DURCHGANG_ANMELDESCHLUSS_VOR_START,
    DURCHGANG_ENDE_VOR_BEGINN,
    Durchgang,
)
from teilnehmende.models import Anmeldung
from tests.kurse.factories import anmelden, durchgang_fuer, kurs_anlegen, person

LISTE = "wagtailsnippets_kurse_durchgang:list"
NEU = "wagtailsnippets_kurse_durchgang:add"
BEARBEITEN = "wagtailsnippets_kurse_durchgang:edit"


@pytest.fixture
def kurs(site):
    return kurs_anlegen()


def daten(kurs, **abweichend) -> dict:
    heute = timezone.localdate()
    return {
        "kurs": kurs.pk,
        "titel": "Durchgang Frühjahr",
        "status": "veroeffentlicht",
        "beginn": (heute + datetime.timedelta(days=30)).isoformat(),
        "ende": (heute + datetime.timedelta(days=300)).isoformat(),
        "anmeldung_von": heute.isoformat(),
        "anmeldung_bis": (heute + datetime.timedelta(days=20)).isoformat(),
        "kapazitaet": "24",
    } | abweichend


def test_redaktion_legt_durchgang_mit_trainerin_an(client, kurs, redakteurin, trainerin):
    client.force_login(redakteurin)
    assert client.get(reverse(LISTE)).status_code == 200
    antwort = client.post(reverse(NEU), daten(kurs, trainer=[trainerin.pk]))
    assert antwort.status_code == 302, antwort.content.decode()[:2000]
    durchgang = Durchgang.objects.get()
    assert (durchgang.titel, durchgang.kapazitaet, durchgang.kurs) == (
        "Durchgang Frühjahr",
        24,
        kurs,
    )
    assert list(durchgang.trainer.all()) == [trainerin]


@pytest.mark.parametrize(
    ("abweichend", "meldung"),
    [
        ({"ende": "2020-01-01", "anmeldung_bis": "2019-12-01"}, DURCHGANG_ENDE_VOR_BEGINN),
        ({"anmeldung_von": "2030-01-01"}, DURCHGANG_ANMELDESCHLUSS_VOR_START),
        ({"anmeldung_bis": "2040-01-01"}, DURCHGANG_ANMELDESCHLUSS_NACH_ENDE),
    ],
)
def test_unstimmige_termine_werden_abgelehnt(client, kurs, redakteurin, abweichend, meldung):
    client.force_login(redakteurin)
    antwort = client.post(reverse(NEU), daten(kurs, **abweichend))
    assert antwort.status_code == 200
    assert str(meldung) in antwort.content.decode()
    assert not Durchgang.objects.exists()


def test_nur_trainerinnen_sind_waehlbar(client, kurs, redakteurin, teilnehmerin):
    client.force_login(redakteurin)
    antwort = client.post(reverse(NEU), daten(kurs, trainer=[teilnehmerin.pk]))
    assert antwort.status_code == 200
    assert not Durchgang.objects.exists()


def test_mehr_plaetze_im_admin_lassen_wartende_nachruecken(client, kurs, administratorin):
    durchgang = durchgang_fuer(kurs, kapazitaet=1)
    anmelden(person(), durchgang)
    wartend = anmelden(person(), durchgang)
    client.force_login(administratorin)
    werte = daten(kurs, titel=durchgang.titel, kapazitaet="2")
    werte |= {
        feld: getattr(durchgang, feld).isoformat()
        for feld in ("beginn", "ende", "anmeldung_von", "anmeldung_bis")
    }
    antwort = client.post(reverse(BEARBEITEN, args=[durchgang.pk]), werte)
    assert antwort.status_code == 302
    wartend.refresh_from_db()
    assert wartend.status == Anmeldung.Status.BESTAETIGT


def test_andere_rollen_kommen_nicht_in_die_verwaltung(
    client, kurs, teilnehmerin, trainerin, foerderer
):
    for nutzer in (teilnehmerin, trainerin, foerderer):
        client.force_login(nutzer)
        antwort = client.get(reverse(LISTE))
        assert antwort.status_code in (302, 403), nutzer.email
        assert client.post(reverse(NEU), daten(kurs)).status_code in (302, 403)
    assert not Durchgang.objects.exists()

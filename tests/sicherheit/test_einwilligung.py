"""Consent records carry the text version and time; a new text version asks again."""

from __future__ import annotations

import pytest

from kern.models import Protokolleintrag
from teilnehmende import einwilligung
from teilnehmende.forms import EINWILLIGUNG_FEHLT
from teilnehmende.models import Einwilligung
from teilnehmende.services import EINWILLIGUNG_VERALTET
from tests.kurse.factories import anmelden, durchgang_fuer, kurs_anlegen

NEU = "2027-03-01"
ZIEL = "/mein-lernen/einwilligung/"


@pytest.fixture
def angemeldet(site, teilnehmerin):
    anmelden(teilnehmerin, durchgang_fuer(kurs_anlegen(module=1, lektionen=1)))
    return teilnehmerin


@pytest.fixture
def neuer_text(monkeypatch):
    monkeypatch.setattr(einwilligung, "TEXTVERSION", NEU)


def test_einwilligung_speichert_version_und_zeitpunkt(angemeldet):
    eintrag = Einwilligung.objects.get(nutzer=angemeldet)
    assert eintrag.textversion == einwilligung.TEXTVERSION
    assert eintrag.erteilt_am is not None


def test_geaenderter_text_fragt_erneut(client, angemeldet, neuer_text):
    client.force_login(angemeldet)
    antwort = client.get("/mein-lernen/")
    assert antwort.status_code == 302
    assert antwort.url == f"{ZIEL}?next=/mein-lernen/"
    seite = client.get(antwort.url)
    assert seite.status_code == 200
    assert str(einwilligung.TEXT) in seite.content.decode()
    assert [str(m) for m in seite.context["messages"]] == [str(einwilligung.EINWILLIGUNG_ERNEUERN)]

    antwort = client.post(
        f"{ZIEL}?next=/mein-lernen/", {"einwilligung": "on", "einwilligung_textversion": NEU}
    )
    assert antwort.status_code == 302 and antwort.url == "/mein-lernen/"
    assert list(
        Einwilligung.objects.filter(nutzer=angemeldet).values_list("textversion", flat=True)
    ) == [NEU, "2026-11-01"]
    assert Protokolleintrag.objects.filter(aktion="einwilligung_erteilt").count() == 1
    assert client.get("/mein-lernen/").status_code == 200


def test_ohne_haekchen_keine_einwilligung(client, angemeldet, neuer_text):
    client.force_login(angemeldet)
    antwort = client.post(ZIEL, {"einwilligung_textversion": NEU})
    assert antwort.status_code == 200
    assert antwort.context["form"].errors["einwilligung"] == [str(EINWILLIGUNG_FEHLT)]
    assert not Einwilligung.objects.filter(textversion=NEU).exists()
    assert client.get("/mein-lernen/").status_code == 302


def test_zustimmung_zu_veralteter_fassung_wird_abgelehnt(client, angemeldet, neuer_text):
    client.force_login(angemeldet)
    antwort = client.post(ZIEL, {"einwilligung": "on", "einwilligung_textversion": "2026-11-01"})
    assert antwort.status_code == 200
    assert antwort.context["form"].non_field_errors() == [str(EINWILLIGUNG_VERALTET)]
    assert Einwilligung.objects.filter(nutzer=angemeldet).count() == 1


def test_ohne_laufende_anmeldung_wird_nicht_gefragt(client, teilnehmerin, neuer_text):
    client.force_login(teilnehmerin)
    assert client.get("/mein-lernen/").status_code == 200


def test_weiterleitung_nur_auf_die_eigene_seite(client, angemeldet, neuer_text):
    client.force_login(angemeldet)
    antwort = client.post(
        f"{ZIEL}?next=https://boese.example/",
        {"einwilligung": "on", "einwilligung_textversion": NEU},
    )
    assert antwort.url == "/mein-lernen/"


def test_einwilligungsseite_verlangt_anmeldung(client, db):
    antwort = client.get(ZIEL)
    assert antwort.url == f"/konto/login/?next={ZIEL}"

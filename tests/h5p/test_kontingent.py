"""Per-person quotas (LERNKETTE_H5P_KONTINGENT) for raw statements and resume states, and field
lengths of the resume state checked by a form (SQLite does not enforce max_length)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from h5p.forms import FELD_ZU_LANG
from h5p.kontingent import (
    AUSSAGEN_ANZAHL_ERSCHOEPFT,
    AUSSAGEN_GROESSE_ERSCHOEPFT,
    ZWISCHENSTAENDE_ANZAHL_ERSCHOEPFT,
    ZWISCHENSTAENDE_GROESSE_ERSCHOEPFT,
)
from h5p.models import H5PNutzerdaten, XAPIAussage
from tests.h5p.test_xapi import VERSUCHT, aussage, senden, xapi_url


def _url(lage, datentyp="state", unterinhalt="0"):
    return reverse(
        "h5p:zwischenstand", args=[lage["lektion"].pk, lage["paket"].pk, datentyp, unterinhalt]
    )


@pytest.fixture
def kontingent(settings):
    def setzen(**werte):
        settings.LERNKETTE_H5P_KONTINGENT = {**settings.LERNKETTE_H5P_KONTINGENT, **werte}

    return setzen


def test_aussagen_je_person_gezaehlt(client, lage, kontingent):
    kontingent(aussagen=2)
    client.force_login(lage["teilnehmerin"])
    for _ in range(2):
        assert senden(client, xapi_url(lage), aussage(VERSUCHT)).status_code == 200
    antwort = senden(client, xapi_url(lage), aussage(VERSUCHT))
    assert antwort.status_code == 429
    assert antwort.json() == {"fehler": str(AUSSAGEN_ANZAHL_ERSCHOEPFT % {"max": 2})}
    assert XAPIAussage.objects.count() == 2
    # Another person has her own quota.
    client.force_login(lage["trainerin"])
    assert senden(client, xapi_url(lage), aussage(VERSUCHT)).status_code == 200


def test_aussagen_zaehlen_auch_gespeicherte_aus_der_datenbank(client, lage, kontingent):
    client.force_login(lage["teilnehmerin"])
    assert senden(client, xapi_url(lage), aussage(VERSUCHT)).status_code == 200
    from django.core.cache import cache

    cache.clear()  # e.g. after a restart: the count comes from the database again
    kontingent(aussagen=1)
    assert senden(client, xapi_url(lage), aussage(VERSUCHT)).status_code == 429


def test_aussagen_groesse_je_person(client, lage, kontingent):
    kontingent(aussagen_bytes=1024)
    client.force_login(lage["teilnehmerin"])
    gross = aussage(VERSUCHT, context={"extensions": {"http://x.example/f": "x" * 700}})
    assert senden(client, xapi_url(lage), gross).status_code == 200
    antwort = senden(client, xapi_url(lage), gross)
    assert antwort.status_code == 413
    assert antwort.json() == {"fehler": str(AUSSAGEN_GROESSE_ERSCHOEPFT % {"max": "1 KB"})}
    assert XAPIAussage.objects.count() == 1


def test_zwischenstaende_anzahl_und_groesse(client, lage, kontingent):
    kontingent(zwischenstaende=1, zwischenstaende_bytes=100)
    client.force_login(lage["teilnehmerin"])
    assert client.post(_url(lage), {"data": "{}"}).status_code == 200
    assert client.post(_url(lage), {"data": '{"a": 1}'}).status_code == 200  # replaces
    antwort = client.post(_url(lage, unterinhalt="1"), {"data": "{}"})
    assert antwort.status_code == 429
    assert antwort.json()["message"] == str(ZWISCHENSTAENDE_ANZAHL_ERSCHOEPFT % {"max": 1})
    antwort = client.post(_url(lage), {"data": "x" * 101})
    assert antwort.status_code == 413
    assert antwort.json()["message"] == str(ZWISCHENSTAENDE_GROESSE_ERSCHOEPFT % {"max": "1 KB"})
    assert list(H5PNutzerdaten.objects.values_list("daten", flat=True)) == ['{"a": 1}']


@pytest.mark.parametrize("feld", ["datentyp", "unterinhalt"])
def test_ueberlange_schluessel_werden_abgelehnt(client, lage, feld):
    client.force_login(lage["teilnehmerin"])
    url = _url(lage, **{feld: "t" * 5000})
    for antwort in (client.post(url, {"data": "{}"}), client.get(url)):
        assert antwort.status_code == 400
        assert antwort.json() == {
            "success": False,
            "message": str(FELD_ZU_LANG % {"feld": feld, "max": 127}),
        }
    assert not H5PNutzerdaten.objects.exists()


def test_zu_grosser_zwischenstand_nennt_die_grenze(client, lage, settings):
    settings.H5P_ZWISCHENSTAND_MAX_BYTES = 256 * 1024
    client.force_login(lage["teilnehmerin"])
    antwort = client.post(_url(lage), {"data": "x" * (256 * 1024 + 1)})
    assert antwort.status_code == 413
    assert antwort.json()["message"] == "Der Zwischenstand ist größer als die erlaubten 256 KB."
    assert not H5PNutzerdaten.objects.exists()

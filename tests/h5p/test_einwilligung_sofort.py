"""Withdrawing consent counts at once in every session of the person, and for every enrolment
state that opens lessons (completed included): no learning data is stored any more."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from h5p.models import H5PNutzerdaten, XAPIAussage
from kurse.models import LektionErledigt
from teilnehmende import einwilligung
from teilnehmende.models import Anmeldung, Einwilligung
from tests.h5p.test_xapi import aussage, senden, xapi_url


def _zwei_sitzungen(nutzer) -> tuple[Client, Client]:
    erste, zweite = Client(), Client()
    erste.force_login(nutzer)
    zweite.force_login(nutzer)
    return erste, zweite


def _zwischenstand_url(lage) -> str:
    return reverse("h5p:zwischenstand", args=[lage["lektion"].pk, lage["paket"].pk, "state", "0"])


def _widerrufen(client, nutzer) -> None:
    eintrag = Einwilligung.objects.get(nutzer=nutzer, widerrufen_am__isnull=True)
    antwort = client.post(reverse("einwilligungen:widerrufen", args=[eintrag.pk]))
    assert antwort.status_code == 302


def _speichern_abgewiesen(client, lage) -> None:
    antwort = senden(client, xapi_url(lage), aussage())
    assert antwort.status_code == 403
    assert antwort.json() == {"fehler": str(einwilligung.EINWILLIGUNG_NACH_WIDERRUF)}
    antwort = client.post(_zwischenstand_url(lage), {"data": '{"a": 1}', "preload": "1"})
    assert antwort.status_code == 403
    antwort = client.post(reverse("kurse:lektion_erledigt", args=[lage["lektion"].pk]))
    assert antwort.status_code == 302 and antwort.url.startswith("/mein-lernen/einwilligung/")


@pytest.mark.parametrize(
    "status", [Anmeldung.Status.BESTAETIGT, Anmeldung.Status.ABGESCHLOSSEN], ids=str
)
def test_widerruf_in_einer_sitzung_gilt_sofort_in_der_anderen(lage, status):
    ich = lage["teilnehmerin"]
    Anmeldung.objects.filter(nutzer=ich).update(status=status)
    erste, zweite = _zwei_sitzungen(ich)
    # The second session has learnt before: statements and resume state are stored.
    assert senden(zweite, xapi_url(lage), aussage("http://adlnet.gov/expapi/verbs/attempted"))
    assert XAPIAussage.objects.count() == 1
    assert zweite.post(_zwischenstand_url(lage), {"data": "{}"}).status_code == 200
    assert zweite.get("/mein-lernen/").status_code == 200

    _widerrufen(erste, ich)

    _speichern_abgewiesen(zweite, lage)
    assert XAPIAussage.objects.count() == 1
    assert H5PNutzerdaten.objects.get().daten == "{}"
    assert not LektionErledigt.objects.filter(nutzer=ich).exists()
    antwort = zweite.get("/mein-lernen/")
    assert antwort.status_code == 302 and antwort.url.startswith("/mein-lernen/einwilligung/")


def test_abgeschlossene_anmeldung_ohne_einwilligung_speichert_nichts(client, lage):
    ich = lage["teilnehmerin"]
    Anmeldung.objects.filter(nutzer=ich).update(status=Anmeldung.Status.ABGESCHLOSSEN)
    Einwilligung.objects.filter(nutzer=ich).update(textversion="1999-01-01")  # old text only
    client.force_login(ich)
    antwort = senden(client, xapi_url(lage), aussage())
    assert antwort.status_code == 403
    assert antwort.json() == {"fehler": str(einwilligung.EINWILLIGUNG_ERNEUERN)}
    assert not XAPIAussage.objects.exists()


def test_erneute_einwilligung_oeffnet_alle_sitzungen_wieder(lage):
    ich = lage["teilnehmerin"]
    erste, zweite = _zwei_sitzungen(ich)
    _widerrufen(erste, ich)
    assert senden(zweite, xapi_url(lage), aussage()).status_code == 403
    erste.post(
        "/mein-lernen/einwilligung/",
        {"einwilligung": "on", "einwilligung_textversion": einwilligung.TEXTVERSION},
    )
    assert senden(zweite, xapi_url(lage), aussage()).status_code == 200

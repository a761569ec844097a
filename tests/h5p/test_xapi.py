"""The xAPI endpoint: login, CSRF, size cap and schema check; the logged-in user is the actor;
every statement kept raw; the attempt updated; the lesson completed by the block's rule."""

from __future__ import annotations

import json

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from h5p import xapi
from h5p.anbindung import Regel
from h5p.models import H5PNutzerdaten, H5PVersuch, XAPIAussage
from kern.drosselung import ZU_VIELE_ANFRAGEN
from kurse.models import LektionErledigt, LektionSeite
from tests.h5p.conftest import h5p_einbauen, paket_aus
from tests.h5p.pakete import minimal
from tests.hilfen import vier_stufen_pruefen

BEANTWORTET = "http://adlnet.gov/expapi/verbs/answered"
VERSUCHT = "http://adlnet.gov/expapi/verbs/attempted"


def aussage(verb=BEANTWORTET, *, skaliert=1.0, erfolg=True, abgeschlossen=True, **weitere):
    daten = {
        "actor": {"name": "Jemand anderes", "mbox": "mailto:fremd@example.org"},
        "verb": {"id": verb, "display": {"en-US": verb.rsplit("/", 1)[-1]}},
        "object": {"id": "http://testserver/lektion/#h5p-1", "objectType": "Activity"},
    }
    if verb == BEANTWORTET:
        daten["result"] = {
            "score": {"min": 0, "max": 1, "raw": skaliert, "scaled": skaliert},
            "completion": abgeschlossen,
            "success": erfolg,
        }
    return daten | weitere


def xapi_url(lage, lektion=None, paket=None):
    return reverse("h5p:xapi", args=[(lektion or lage["lektion"]).pk, (paket or lage["paket"]).pk])


def senden(client, url, daten):
    roh = daten if isinstance(daten, bytes | str) else json.dumps(daten)
    return client.post(url, roh, content_type="application/json")


def erledigt(nutzer, lektion) -> bool:
    return LektionErledigt.objects.filter(nutzer=nutzer, lektion=lektion).exists()


def test_beantwortet_schliesst_die_lektion_ab(client, lage):
    ich = lage["teilnehmerin"]
    client.force_login(ich)
    antwort = senden(client, xapi_url(lage), aussage(VERSUCHT))
    assert antwort.json() == {"gespeichert": True, "erfuellt": False}
    assert not erledigt(ich, lage["lektion"])
    antwort = senden(client, xapi_url(lage), aussage())
    assert antwort.status_code == 200
    assert antwort.json() == {"gespeichert": True, "erfuellt": True}
    assert erledigt(ich, lage["lektion"])

    gespeichert = list(XAPIAussage.objects.order_by("pk"))
    assert [a.verb for a in gespeichert] == [VERSUCHT, BEANTWORTET]
    # Kept raw, but counted for the logged-in user, whatever actor the statement names.
    assert {a.nutzer for a in gespeichert} == {ich}
    assert gespeichert[1].aussage["actor"]["mbox"] == "mailto:fremd@example.org"
    versuch = H5PVersuch.objects.get()
    assert (versuch.nutzer, versuch.abgeschlossen, versuch.bestanden, versuch.beste_punkte) == (
        ich,
        True,
        True,
        1.0,
    )
    # Again: stored, the completion stays the first one.
    senden(client, xapi_url(lage), aussage())
    assert XAPIAussage.objects.count() == 3
    assert LektionErledigt.objects.filter(nutzer=ich).count() == 1


def test_vier_stufen_fuer_xapi(client, lage, foerderer):
    url = xapi_url(lage)
    client.logout()
    antwort = senden(client, url, aussage())
    assert antwort.status_code == 302 and "/login/" in antwort.url
    for nutzer in (lage["fremde_teilnehmerin"], lage["fremde_trainerin"], foerderer):
        client.force_login(nutzer)
        assert senden(client, url, aussage()).status_code == 403, nutzer.email
    assert not XAPIAussage.objects.exists()
    client.force_login(lage["teilnehmerin"])
    assert senden(client, url, aussage()).status_code == 200


@override_settings(LERNKETTE_DROSSELUNG={"xapi": "3/m"})
def test_xapi_ist_je_nutzerin_gedrosselt(client, lage):
    url = xapi_url(lage)
    client.force_login(lage["teilnehmerin"])
    for _ in range(3):
        assert senden(client, url, aussage(VERSUCHT)).status_code == 200
    antwort = senden(client, url, aussage(VERSUCHT))
    assert antwort.status_code == 429
    assert antwort.json() == {"fehler": str(ZU_VIELE_ANFRAGEN)}
    # JSON whatever the request says it sends or accepts; nothing stored above the limit.
    antwort = client.post(url, "{}", content_type="text/plain")
    assert (antwort.status_code, antwort.json()) == (429, {"fehler": str(ZU_VIELE_ANFRAGEN)})
    assert XAPIAussage.objects.count() == 3
    # Counted per user: the trainer of the cohort is not slowed down by the participant.
    client.force_login(lage["trainerin"])
    assert senden(client, url, aussage(VERSUCHT)).status_code == 200


def test_xapi_normale_rate_wird_nicht_gedrosselt(client, lage, settings):
    # A busy player sends a few statements per interaction; 60 in a row stay well below 600/m.
    assert settings.LERNKETTE_DROSSELUNG["xapi"] == "600/m"
    client.force_login(lage["teilnehmerin"])
    for _ in range(60):
        assert senden(client, xapi_url(lage), aussage(VERSUCHT)).status_code == 200
    assert XAPIAussage.objects.count() == 60


def test_trainerin_darf_spielen_aber_schliesst_nichts_ab(client, lage):
    client.force_login(lage["trainerin"])
    antwort = senden(client, xapi_url(lage), aussage())
    assert antwort.status_code == 200
    assert XAPIAussage.objects.get().nutzer == lage["trainerin"]
    assert not LektionErledigt.objects.exists()


def test_csrf_wird_geprueft(lage):
    client = Client(enforce_csrf_checks=True)
    client.force_login(lage["teilnehmerin"])
    assert senden(client, xapi_url(lage), aussage()).status_code == 403
    assert not XAPIAussage.objects.exists()


def test_nur_post(client, lage):
    client.force_login(lage["teilnehmerin"])
    assert client.get(xapi_url(lage)).status_code == 405


@pytest.mark.parametrize(
    ("daten", "meldung"),
    [
        (b"{kein json", xapi.FEHLER_KEIN_JSON),
        ([1, 2], xapi.FEHLER_KEIN_OBJEKT),
        ({"object": {"id": "x:y"}}, xapi.FEHLER_VERB),
        ({"verb": {"id": "kein-iri"}, "object": {"id": "x:y"}}, xapi.FEHLER_VERB),
        ({"verb": {"id": BEANTWORTET}}, xapi.FEHLER_OBJEKT),
        (aussage(result={"score": {"scaled": 7}}), xapi.FEHLER_ERGEBNIS),
        (aussage(result={"score": {"raw": "1"}}), xapi.FEHLER_ERGEBNIS),
        (aussage(result={"completion": "ja"}), xapi.FEHLER_ERGEBNIS),
        (aussage(result=[]), xapi.FEHLER_ERGEBNIS),
        (
            aussage(context={"contextActivities": {"parent": [{"id": "http://x/y"}]}}),
            xapi.FEHLER_UNTERINHALT,
        ),
    ],
    ids=[
        "kein-json",
        "liste",
        "ohne-verb",
        "verb-ohne-iri",
        "ohne-objekt",
        "punkte-ausserhalb",
        "punkte-als-text",
        "completion-als-text",
        "result-liste",
        "unterinhalt",
    ],
)
def test_ungueltige_aussagen_werden_abgelehnt(client, lage, daten, meldung):
    client.force_login(lage["teilnehmerin"])
    antwort = senden(client, xapi_url(lage), daten)
    assert antwort.status_code == 400
    assert antwort.json() == {"fehler": str(meldung)}
    assert not XAPIAussage.objects.exists()
    assert not H5PVersuch.objects.exists()
    assert not LektionErledigt.objects.exists()


def test_zu_grosse_aussage(client, lage, settings):
    settings.H5P_XAPI_MAX_BYTES = 2048
    client.force_login(lage["teilnehmerin"])
    antwort = senden(client, xapi_url(lage), aussage(extensions={"x": "a" * 3000}))
    assert antwort.status_code == 413
    assert antwort.json() == {"fehler": str(xapi.FEHLER_ZU_GROSS % {"max": 2})}
    assert not XAPIAussage.objects.exists()


def _lektion_mit_regel(lage, regel, schwelle=None) -> LektionSeite:
    lektion = lage["lektion"].get_next_siblings().first().specific
    return h5p_einbauen(lektion, lage["paket"], regel=regel, schwelle=schwelle)


def test_regel_bestanden(client, lage):
    lektion = _lektion_mit_regel(lage, Regel.BESTANDEN)
    ich = lage["teilnehmerin"]
    client.force_login(ich)
    assert (
        senden(client, xapi_url(lage, lektion), aussage(erfolg=False, skaliert=0)).json()[
            "erfuellt"
        ]
        is False
    )
    assert not erledigt(ich, lektion)
    senden(client, xapi_url(lage, lektion), aussage(erfolg=True))
    assert erledigt(ich, lektion)


def test_regel_punkte(client, lage):
    lektion = _lektion_mit_regel(lage, Regel.PUNKTE, schwelle=80)
    ich = lage["teilnehmerin"]
    client.force_login(ich)
    senden(client, xapi_url(lage, lektion), aussage(skaliert=0.5, erfolg=True))
    assert not erledigt(ich, lektion)
    # raw/max without scaled counts as well: 4 of 5 = 80 %.
    daten = aussage()
    daten["result"] = {"score": {"min": 0, "max": 5, "raw": 4}}
    senden(client, xapi_url(lage, lektion), daten)
    assert erledigt(ich, lektion)
    assert H5PVersuch.objects.get(seite=lektion).beste_punkte == pytest.approx(0.8)


def test_zwei_aktivitaeten_brauchen_beide(client, lage):
    zweites = paket_aus(minimal() | {"content/zusatz.json": "{}"})
    lektion = h5p_einbauen(lage["lektion"], zweites)
    ich = lage["teilnehmerin"]
    client.force_login(ich)
    senden(client, xapi_url(lage, lektion), aussage())
    assert not erledigt(ich, lektion)
    senden(client, xapi_url(lage, lektion, zweites), aussage())
    assert erledigt(ich, lektion)


def test_als_erledigt_markieren_gilt_nicht_fuer_h5p_lektionen(client, lage):
    client.force_login(lage["teilnehmerin"])
    antwort = client.post(reverse("kurse:lektion_erledigt", args=[lage["lektion"].pk]), follow=True)
    assert "sobald Sie ihre H5P-Aktivität gelöst haben" in antwort.content.decode()
    assert not LektionErledigt.objects.exists()


# --- Resume state -----------------------------------------------------------------------------
def zwischenstand_url(lage, datentyp="state", unterinhalt="0"):
    return reverse(
        "h5p:zwischenstand", args=[lage["lektion"].pk, lage["paket"].pk, datentyp, unterinhalt]
    )


def test_zwischenstand_speichern_lesen_loeschen(client, lage):
    client.force_login(lage["teilnehmerin"])
    assert client.get(zwischenstand_url(lage)).json() == {"success": True, "data": False}
    antwort = client.post(zwischenstand_url(lage), {"data": '{"antwort":1}', "preload": "1"})
    assert antwort.json() == {"success": True}
    assert client.get(zwischenstand_url(lage)).json() == {"success": True, "data": '{"antwort":1}'}
    assert H5PNutzerdaten.objects.get().vorladen is True
    # Someone else in the same cohort sees nothing of it.
    client.force_login(lage["trainerin"])
    assert client.get(zwischenstand_url(lage)).json()["data"] is False
    client.force_login(lage["teilnehmerin"])
    client.post(zwischenstand_url(lage), {"data": "0", "preload": "0", "invalidate": "1"})
    assert not H5PNutzerdaten.objects.exists()


def test_zwischenstand_ist_je_nutzerin_gedrosselt(client, lage, settings):
    settings.LERNKETTE_DROSSELUNG = {**settings.LERNKETTE_DROSSELUNG, "h5p_zwischenstand": "2/m"}
    client.force_login(lage["teilnehmerin"])
    assert client.post(zwischenstand_url(lage), {"data": '{"a":1}'}).status_code == 200
    assert client.get(zwischenstand_url(lage)).status_code == 200
    antwort = client.post(zwischenstand_url(lage), {"data": '{"a":2}'})
    assert (antwort.status_code, antwort.json()) == (429, {"fehler": str(ZU_VIELE_ANFRAGEN)})
    assert H5PNutzerdaten.objects.get().daten == '{"a":1}'  # nothing stored above the limit
    client.force_login(lage["trainerin"])  # counted per user
    assert client.get(zwischenstand_url(lage)).status_code == 200


def test_zwischenstand_rechte_und_groesse(client, lage, settings):
    vier_stufen_pruefen(
        client,
        zwischenstand_url(lage),
        erlaubt=[lage["teilnehmerin"], lage["trainerin"]],
        abgelehnt=[lage["fremde_teilnehmerin"], lage["fremde_trainerin"]],
    )
    settings.H5P_ZWISCHENSTAND_MAX_BYTES = 1024
    client.force_login(lage["teilnehmerin"])
    antwort = client.post(zwischenstand_url(lage), {"data": "x" * 2000})
    assert antwort.status_code == 413  # too large, as for statements
    assert antwort.json()["message"] == "Der Zwischenstand ist größer als die erlaubten 1 KB."
    assert not H5PNutzerdaten.objects.exists()

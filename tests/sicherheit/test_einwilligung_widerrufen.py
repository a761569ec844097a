"""Withdrawing consents below /konto/daten/einwilligungen/: only the owner, with a German
explanation before confirming, audit-logged, asked again where the learning area asks, and for
the good-practice consent the library page goes."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cms.models import HomePage, Praxisbeispiel
from cms.services import praxisbeispiel_index_sicherstellen
from kern.models import Protokolleintrag
from teilnehmende import einwilligung
from teilnehmende.models import Abschlusspraesentation, Einwilligung, Version
from teilnehmende.views_einwilligung import (
    PRAXISBEISPIEL_BEREITS_WIDERRUFEN,
    PRAXISBEISPIEL_WIDERRUFEN,
)
from tests.hilfen import LOGIN_URL
from tests.kurse.factories import (
    anmelden,
    durchgang_fuer,
    kurs_anlegen,
    person,
    pflichtlektionen,
)
from tests.teilnehmende.praesentation_hilfen import einreichen, entscheiden, lage_anlegen

LISTE = "/konto/daten/einwilligungen/"


@pytest.fixture
def angemeldet(site, teilnehmerin):
    anmelden(teilnehmerin, durchgang_fuer(kurs_anlegen(module=1, lektionen=1)))
    return teilnehmerin


def _url(eintrag: Einwilligung) -> str:
    return reverse("einwilligungen:widerrufen", args=[eintrag.pk])


def _meldungen(antwort) -> list[str]:
    return [str(m) for m in antwort.context["messages"]]


def test_urls():
    assert reverse("einwilligungen:liste") == LISTE
    assert reverse("einwilligungen:widerrufen", args=[3]) == f"{LISTE}3/widerrufen/"


def test_liste_zeigt_version_und_datum(client, angemeldet):
    eintrag = Einwilligung.objects.get(nutzer=angemeldet)
    client.force_login(angemeldet)
    html = client.get(LISTE).content.decode()
    assert eintrag.textversion in html
    assert _url(eintrag) in html
    # Linked from the DSGVO overview.
    assert LISTE in client.get(reverse("kern:daten")).content.decode()


def test_bestaetigung_erklaert_die_folgen_vor_dem_widerruf(client, angemeldet):
    eintrag = Einwilligung.objects.get(nutzer=angemeldet)
    client.force_login(angemeldet)
    html = client.get(_url(eintrag)).content.decode()
    assert "Ohne diese Einwilligung können Sie nicht weiterlernen" in html
    assert "bis zum Ende der gesetzlichen Aufbewahrungsfrist" in html
    assert angemeldet.anmeldungen.get().durchgang.kurs.title in html
    # GET changes nothing.
    assert Einwilligung.objects.get(pk=eintrag.pk).widerrufen_am is None


def test_eigentuemerin_widerruft_mit_protokoll(client, angemeldet):
    eintrag = Einwilligung.objects.get(nutzer=angemeldet)
    client.force_login(angemeldet)
    antwort = client.post(_url(eintrag), follow=True)
    assert antwort.redirect_chain[-1][0] == LISTE
    assert _meldungen(antwort) == [str(einwilligung.EINWILLIGUNG_WIDERRUFEN)]
    eintrag.refresh_from_db()
    assert eintrag.widerrufen_am is not None
    protokoll = Protokolleintrag.objects.get(aktion="einwilligung_widerrufen")
    assert (protokoll.akteur, protokoll.betroffen) == (angemeldet, angemeldet)
    assert protokoll.objekt_id == str(eintrag.pk)
    assert protokoll.details == {"zweck": "teilnahme", "textversion": eintrag.textversion}
    assert "widerrufen am" in antwort.content.decode()


def test_zweiter_widerruf_gibt_klare_meldung(client, angemeldet):
    eintrag = Einwilligung.objects.get(nutzer=angemeldet)
    client.force_login(angemeldet)
    client.post(_url(eintrag), follow=True)
    zuerst = Einwilligung.objects.get(pk=eintrag.pk).widerrufen_am
    antwort = client.post(_url(eintrag), follow=True)
    meldung = _meldungen(antwort)[0]
    assert meldung.startswith("Diese Einwilligung haben Sie bereits am ")
    assert meldung.endswith(" widerrufen. Es ist nichts weiter zu tun.")
    assert Einwilligung.objects.get(pk=eintrag.pk).widerrufen_am == zuerst
    assert Protokolleintrag.objects.filter(aktion="einwilligung_widerrufen").count() == 1
    # The confirmation page of a withdrawn consent sends back with the same message.
    antwort = client.get(_url(eintrag), follow=True)
    assert antwort.redirect_chain[-1][0] == LISTE
    assert _meldungen(antwort)[0] == meldung


def test_fremde_und_anonyme_werden_abgewiesen(client, angemeldet, administratorin):
    eintrag = Einwilligung.objects.get(nutzer=angemeldet)
    url = _url(eintrag)
    for methode in ("get", "post"):
        antwort = getattr(client, methode)(url)
        assert antwort.status_code == 302 and antwort.url == f"{LOGIN_URL}?next={url}"
    # Someone else's consent answers 404 like a missing one, for administrators too.
    for nutzer in (person("andere"), administratorin):
        client.force_login(nutzer)
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    assert Einwilligung.objects.get(pk=eintrag.pk).widerrufen_am is None
    assert not Protokolleintrag.objects.filter(aktion="einwilligung_widerrufen").exists()


def test_nach_widerruf_wird_erneut_gefragt(client, angemeldet):
    eintrag = Einwilligung.objects.get(nutzer=angemeldet)
    client.force_login(angemeldet)
    assert client.get("/mein-lernen/").status_code == 200
    client.post(_url(eintrag), follow=True)
    antwort = client.get("/mein-lernen/")
    assert antwort.status_code == 302
    assert antwort.url == "/mein-lernen/einwilligung/?next=/mein-lernen/"
    seite = client.get(antwort.url)
    assert _meldungen(seite) == [str(einwilligung.EINWILLIGUNG_NACH_WIDERRUF)]
    antwort = client.post(
        antwort.url,
        {"einwilligung": "on", "einwilligung_textversion": einwilligung.TEXTVERSION},
    )
    assert antwort.url == "/mein-lernen/"
    assert client.get("/mein-lernen/").status_code == 200
    # A new record; the withdrawn one stays as it was.
    eintraege = Einwilligung.objects.filter(nutzer=angemeldet).order_by("pk")
    assert [e.widerrufen_am is None for e in eintraege] == [False, True]


def test_ohne_laufende_anmeldung_erklaert_die_neue_anmeldung(client, angemeldet):
    from teilnehmende.services import anmeldung_stornieren

    anmeldung_stornieren(anmeldung=angemeldet.anmeldungen.get())
    eintrag = Einwilligung.objects.get(nutzer=angemeldet)
    client.force_login(angemeldet)
    html = client.get(_url(eintrag)).content.decode()
    assert "Bei einer neuen Anmeldung zu einem Kurs bitten wir Sie erneut" in html
    client.post(_url(eintrag))
    assert client.get("/mein-lernen/").status_code == 200


# --- consent to publication as a good-practice example ----------------------------------------


@pytest.fixture
def angenommen(site, trainerin, teilnehmerin):
    """An accepted presentation with consent: its library draft exists."""
    praxisbeispiel_index_sicherstellen(home=HomePage.objects.get(), titel="Praxisbeispiele")
    lage = lage_anlegen(trainerin, teilnehmerin)
    version = einreichen(lage["anmeldung"], einwilligung_praxisbeispiel=True)
    entscheiden(version.praesentation, trainerin, lage, "angenommen")
    assert Abschlusspraesentation.objects.get().praxisbeispiel is not None
    return version


def _praxis_url(version) -> str:
    return reverse("einwilligungen:praxisbeispiel_widerrufen", args=[version.pk])


def test_praxisbeispiel_widerrufen_entfernt_den_eintrag(client, teilnehmerin, angenommen):
    client.force_login(teilnehmerin)
    assert _praxis_url(angenommen) in client.get(LISTE).content.decode()
    html = client.get(_praxis_url(angenommen)).content.decode()
    assert "wird nicht als Praxisbeispiel veröffentlicht" in html
    assert Praxisbeispiel.objects.count() == 1
    antwort = client.post(_praxis_url(angenommen), follow=True)
    assert _meldungen(antwort) == [str(PRAXISBEISPIEL_WIDERRUFEN)]
    assert not Praxisbeispiel.objects.exists()
    assert Version.objects.get().einwilligung_praxisbeispiel is False
    protokoll = Protokolleintrag.objects.get(aktion="einwilligung_praxisbeispiel")
    assert protokoll.betroffen == teilnehmerin
    assert protokoll.details == {"erteilt": False, "version": 1}
    # Again: a clear message, nothing else happens.
    antwort = client.post(_praxis_url(angenommen), follow=True)
    assert _meldungen(antwort) == [str(PRAXISBEISPIEL_BEREITS_WIDERRUFEN)]
    assert Protokolleintrag.objects.filter(aktion="einwilligung_praxisbeispiel").count() == 1


def test_praxisbeispiel_nur_die_autorin(client, angenommen, trainerin, administratorin):
    url = _praxis_url(angenommen)
    antwort = client.post(url)
    assert antwort.status_code == 302 and antwort.url == f"{LOGIN_URL}?next={url}"
    for nutzer in (person("andere"), trainerin, administratorin):
        client.force_login(nutzer)
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    assert Praxisbeispiel.objects.count() == 1
    assert Version.objects.get().einwilligung_praxisbeispiel is True


def test_nach_widerruf_speichert_h5p_nichts(client, site, teilnehmerin):
    import json

    from h5p.models import XAPIAussage
    from tests.h5p.conftest import h5p_einbauen, paket_aus

    kurs = kurs_anlegen(module=1, lektionen=1)
    anmelden(teilnehmerin, durchgang_fuer(kurs))
    lektion = h5p_einbauen(pflichtlektionen(kurs)[0], paket_aus())
    paket_id = lektion.inhalt.raw_data[-1]["value"]["paket"]
    url = reverse("h5p:xapi", args=[lektion.pk, paket_id])
    aussage = json.dumps(
        {
            "actor": {"name": "Ich"},
            "verb": {"id": "http://adlnet.gov/expapi/verbs/attempted"},
            "object": {"id": "http://testserver/lektion/#h5p-1", "objectType": "Activity"},
        }
    )
    client.force_login(teilnehmerin)
    assert client.post(url, aussage, content_type="application/json").status_code == 200
    client.post(_url(Einwilligung.objects.get(nutzer=teilnehmerin)))
    antwort = client.post(url, aussage, content_type="application/json")
    assert antwort.status_code == 403
    assert antwort.json() == {"fehler": str(einwilligung.EINWILLIGUNG_NACH_WIDERRUF)}
    assert XAPIAussage.objects.count() == 1
    # Agreeing again opens the activity again.
    client.post(
        "/mein-lernen/einwilligung/",
        {"einwilligung": "on", "einwilligung_textversion": einwilligung.TEXTVERSION},
    )
    assert client.post(url, aussage, content_type="application/json").status_code == 200

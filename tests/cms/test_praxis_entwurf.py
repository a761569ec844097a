"""An accepted presentation with consent becomes an unpublished draft; drafts are never public."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from cms.models import Handlungsfeld, Kommune, Phase, Praxisbeispiel
from cms.services import (
    EINWILLIGUNG_FEHLT,
    INDEX_FEHLT,
    KOMMUNE_UNBEKANNT,
    KREIS_UNBEKANNT,
    TAXONOMIE_FEHLT,
    praxisbeispiel_entwurf_erstellen,
)


def _entwurf(**felder) -> Praxisbeispiel:
    werte = {
        "titel": "Frühe Hilfen im Verbund",
        "teaser": "Das Jugendamt verbindet seine Angebote zu einer Präventionskette.",
        "text": "Erster Absatz über <Zusammenarbeit>.\n\nZweiter Absatz mit Schulsozialarbeit.",
        "kommune_name": "Datteln",
        "kreis": "05562",
        "quelle_url": "https://lernkette.example/praesentationen/7/",
    }
    werte.update(felder)
    return praxisbeispiel_entwurf_erstellen(**werte)


def test_entwurf_ist_unveroeffentlicht_und_vorbefuellt(praxis_index):
    seite = _entwurf()
    seite.refresh_from_db()
    assert seite.live is False
    assert seite.get_parent().specific == praxis_index
    assert seite.kommune.name == "Datteln" and seite.kommune.kreis.schluessel == "05562"
    assert seite.quelle_url == "https://lernkette.example/praesentationen/7/"
    assert seite.teaser.startswith("Das Jugendamt")
    html = str(seite.inhalt[0].value)
    assert html == (
        "<p>Erster Absatz über &lt;Zusammenarbeit&gt;.</p><p>Zweiter Absatz mit "
        "Schulsozialarbeit.</p>"
    )
    assert seite.get_latest_revision() is not None
    assert seite.programm == "" and not seite.phasen.exists()


def test_vorhandene_kommune_wird_wiederverwendet(praxis_index, datteln):
    seite = _entwurf(kommune_name="datteln", kreis=None)
    assert seite.kommune == datteln
    assert Kommune.objects.filter(name__iexact="datteln").count() == 1


def test_entwurf_ohne_kommune_ist_erlaubt(praxis_index):
    seite = _entwurf(kommune_name=None, kreis=None, quelle_url=None)
    assert seite.kommune is None and seite.quelle_url == ""


def test_ohne_einwilligung_kein_entwurf(praxis_index):
    with pytest.raises(ValidationError) as fehler:
        _entwurf(autor_einwilligung=False)
    assert fehler.value.messages == [str(EINWILLIGUNG_FEHLT)]
    assert not Praxisbeispiel.objects.exists()
    assert not Kommune.objects.exists()


def test_unbekannte_kommune_ohne_kreis_wird_abgelehnt(praxis_index):
    with pytest.raises(ValidationError) as fehler:
        _entwurf(kommune_name="Atlantis", kreis=None)
    assert fehler.value.message_dict["kommune"] == [str(KOMMUNE_UNBEKANNT % {"name": "Atlantis"})]
    assert not Praxisbeispiel.objects.exists()


def test_falscher_kreis_wird_abgelehnt_ohne_reste(praxis_index):
    with pytest.raises(ValidationError) as fehler:
        _entwurf(kreis="99999")
    assert fehler.value.message_dict["kreis"] == [str(KREIS_UNBEKANNT % {"schluessel": "99999"})]
    assert not Praxisbeispiel.objects.exists()


def test_zu_langer_teaser_laesst_nichts_zurueck(praxis_index):
    with pytest.raises(ValidationError) as fehler:
        _entwurf(teaser="x" * 401)
    assert "teaser" in fehler.value.message_dict
    assert not Praxisbeispiel.objects.exists()
    assert not Kommune.objects.exists()


def test_ohne_bibliothek_klare_meldung(site):
    with pytest.raises(ValidationError) as fehler:
        _entwurf()
    assert fehler.value.messages == [str(INDEX_FEHLT)]


def test_veroeffentlichen_braucht_einordnung(beispiel):
    with pytest.raises(ValidationError) as fehler:
        beispiel(phasen=[])
    assert fehler.value.messages == [str(TAXONOMIE_FEHLT)]
    assert not Praxisbeispiel.objects.exists()
    with pytest.raises(ValidationError) as fehler:
        beispiel(kommune=None)
    assert "kommune" in fehler.value.message_dict


def test_entwurf_ist_nicht_oeffentlich(client, praxis_index, beispiel):
    beispiel(titel="Öffentliches Beispiel")
    seite = _entwurf()
    url = f"/praxisbeispiele/{seite.slug}/"
    assert client.get(url).status_code == 404
    assert "Frühe Hilfen im Verbund" not in client.get("/praxisbeispiele/").content.decode()
    assert client.get("/praxisbeispiele/", {"q": "Schulsozialarbeit"}).context["suche"].anzahl == 0
    assert seite.slug not in client.get("/praxisbeispiele/feed/").content.decode()
    assert seite.slug not in client.get("/sitemap.xml").content.decode()


def test_entwurf_in_der_vorschau_nur_fuer_die_redaktion(
    client, praxis_index, redakteurin, teilnehmerin, foerderer
):
    seite = _entwurf()
    vorschau = f"/cms-admin/pages/{seite.pk}/view_draft/"
    antwort = client.get(vorschau)
    assert antwort.status_code == 302
    assert antwort.url.startswith("/cms-admin/login/?next=")
    for nutzer in (teilnehmerin, foerderer):
        client.force_login(nutzer)
        antwort = client.get(vorschau)
        # Wagtail sends users without admin access back to its login with a message.
        assert antwort.status_code == 302, nutzer.email
        assert antwort.url.startswith("/cms-admin/login/"), nutzer.email
        assert client.get(f"/praxisbeispiele/{seite.slug}/").status_code == 404
    client.force_login(redakteurin)
    antwort = client.get(vorschau)
    assert antwort.status_code == 200
    assert "Frühe Hilfen im Verbund" in antwort.content.decode()
    assert "Zweiter Absatz mit Schulsozialarbeit." in antwort.content.decode()


def test_redaktion_ergaenzt_und_veroeffentlicht_den_entwurf(client, praxis_index, redakteurin):
    seite = _entwurf()
    with pytest.raises(ValidationError) as fehler:
        seite.get_latest_revision().publish(user=redakteurin)
    assert {"programm", "angebotsart"} <= set(fehler.value.message_dict)
    seite = Praxisbeispiel.objects.get(pk=seite.pk)
    assert seite.live is False
    seite.programm = "fruehe_hilfen"
    seite.angebotsart = "netzwerk"
    seite.phasen = list(Phase.objects.filter(schluessel="kita"))
    seite.handlungsfelder = list(Handlungsfeld.objects.filter(schluessel="bildung"))
    seite.save_revision(user=redakteurin).publish(user=redakteurin)
    seite.refresh_from_db()
    assert seite.live is True
    antwort = client.get(f"/praxisbeispiele/{seite.slug}/")
    assert antwort.status_code == 200
    assert "Rund um die Kita" in antwort.content.decode()


FEINDLICHE_KURZFASSUNG = (
    '<script>alert("x")</script><img src=x onerror=alert(1)>'
    '<p onclick="klau()">Hallo <a href="javascript:alert(1)">Link</a></p>\n\nZweiter Absatz'
)


def test_feindliche_kurzfassung_wird_nur_als_text_uebernommen(praxis_index):
    """A participant's abstract starting with "<" never becomes markup of the draft page."""
    seite = _entwurf(text=FEINDLICHE_KURZFASSUNG)
    seite = Praxisbeispiel.objects.get(pk=seite.pk)
    gespeichert = seite.inhalt.raw_data[0]["value"]
    for gefaehrlich in ("<script", "<img", "<a ", ' onclick="'):  # as tags, not as text
        assert gefaehrlich not in gespeichert
    assert gespeichert.startswith("<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
    assert gespeichert.endswith("<p>Zweiter Absatz</p>")
    assert gespeichert.count("<p>") == 2
    html = str(seite.inhalt[0].value)
    assert "<script" not in html and "<img" not in html and "<a " not in html

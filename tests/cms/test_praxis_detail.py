"""Detail page (facts, body, related, breadcrumbs, JSON-LD), feeds, sitemap and demo content."""

from __future__ import annotations

import json
import re
from io import StringIO
from xml.etree import ElementTree

import pytest
from django.core.management import call_command

from cms import demo_praxisbeispiele
from cms.models import Praxisbeispiel
from cms.selectors import verwandte_praxisbeispiele


def _xml(inhalt: bytes):
    return ElementTree.fromstring(inhalt)  # noqa: S314 - our own feed and sitemap output


@pytest.fixture
def beispiele(beispiel, dortmund):
    return {
        "haupt": beispiel(
            titel="Babylotsinnen </script><b>in</b> Dortmund",
            kommune=dortmund,
            phasen=["schwangerschaft_geburt"],
            handlungsfelder=["gesundheit", "kinder_jugendhilfe"],
            programm="fruehe_hilfen",
            angebotsart="lotsendienst",
            startjahr=2015,
            partner=["Geburtskliniken", "Jugendamt"],
            kontakt="Stadt Dortmund, Jugendamt",
            inhalt=[
                ("text", "<p>Lotsinnen sprechen Eltern nach der Geburt an.</p>"),
                ("zitat", {"text": "Niemand soll verloren gehen.", "quelle": "Jugendamt"}),
                ("kennzahlen", [{"wert": "5", "bezeichnung": "Geburtskliniken"}]),
            ],
        ),
        "zwei_gemeinsam": beispiel(
            titel="Gesundheit und Jugendhilfe",
            phasen=["kita"],
            handlungsfelder=["gesundheit", "kinder_jugendhilfe"],
        ),
        "phase_gemeinsam": beispiel(
            titel="Willkommensbesuche",
            phasen=["schwangerschaft_geburt"],
            handlungsfelder=["bildung"],
        ),
        "fremd": beispiel(
            titel="Übergang Beruf", phasen=["jugend_beruf"], handlungsfelder=["soziales"]
        ),
        "entwurf": beispiel(
            titel="Entwurf mit Gesundheit",
            phasen=["schwangerschaft_geburt"],
            handlungsfelder=["gesundheit"],
            veroeffentlichen=False,
        ),
    }


def test_detailseite_mit_faktenbox_inhalt_und_brotkrumen(client, beispiele):
    seite = beispiele["haupt"]
    antwort = client.get(seite.url)
    assert antwort.status_code == 200
    html = antwort.content.decode()
    assert '<nav class="brotkrumen" aria-label="Sie sind hier">' in html
    krumen = re.search(r'<nav class="brotkrumen".*?</nav>', html, re.S).group(0)
    assert re.findall(r'href="([^"]+)"', krumen) == ["/", "/praxisbeispiele/", seite.url]
    assert 'aria-current="page"' in krumen
    fakten = re.search(r'<aside class="fakten karte".*?</aside>', html, re.S).group(0)
    for text in (
        '<a href="/praxisbeispiele/?kommune=dortmund">Dortmund</a>',
        '<a href="/praxisbeispiele/?kreis=05913">Dortmund</a>',
        '<a href="/praxisbeispiele/?phase=schwangerschaft_geburt">',
        '<a href="/praxisbeispiele/?handlungsfeld=gesundheit">Gesundheit</a>',
        "Frühe Hilfen",
        "Lotsendienst",
        "2015",
        "<li>Geburtskliniken</li>",
        "Stadt Dortmund, Jugendamt",
    ):
        assert text in fakten, text
    assert "Lotsinnen sprechen Eltern nach der Geburt an." in html
    assert "<blockquote><p>Niemand soll verloren gehen.</p></blockquote>" in html
    assert "<dt>Geburtskliniken</dt>" in html and "<dd>5</dd>" in html
    # The title is escaped in the page, never executed.
    assert "</script><b>in</b>" not in html


def test_json_ld_ist_gueltig_und_maskiert(client, beispiele):
    seite = beispiele["haupt"]
    html = client.get(seite.url).content.decode()
    bloecke = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(bloecke) == 1
    assert "</script>" not in bloecke[0] and "\\u003C/script\\u003E" in bloecke[0]
    daten = json.loads(bloecke[0])
    assert daten["@context"] == "https://schema.org"
    assert daten["@type"] == "Article"
    assert daten["headline"] == seite.title
    assert daten["url"] == "http://localhost" + seite.url
    assert daten["spatialCoverage"]["name"] == "Dortmund"
    assert "Frühe Hilfen" in daten["keywords"] and "Gesundheit" in daten["keywords"]
    assert daten["temporalCoverage"] == "2015/.."
    assert daten["datePublished"]


def test_verwandte_nach_gemeinsamkeit_ohne_entwuerfe(client, beispiele):
    verwandte = verwandte_praxisbeispiele(seite=beispiele["haupt"])
    assert [b.title for b in verwandte] == ["Gesundheit und Jugendhilfe", "Willkommensbesuche"]
    html = client.get(beispiele["haupt"].url).content.decode()
    assert "Ähnliche Praxisbeispiele" in html
    assert "Entwurf mit Gesundheit" not in html and "Übergang Beruf" not in html


def test_rss_und_atom_feed(client, beispiele):
    rss = client.get("/praxisbeispiele/feed/")
    assert rss.status_code == 200
    assert rss["Content-Type"].startswith("application/rss+xml")
    kanal = _xml(rss.content).find("channel")
    titel = [item.findtext("title") for item in kanal.findall("item")]
    assert titel[0] == "Übergang Beruf"
    assert "Entwurf mit Gesundheit" not in titel and len(titel) == 4
    haupt = next(
        i for i in kanal.findall("item") if i.findtext("title").startswith("Babylotsinnen")
    )
    # Absolute links use the programme's address (django.contrib.sites, from SITE_URL).
    assert haupt.findtext("link") == "http://127.0.0.1:8000" + beispiele["haupt"].url
    assert {c.text for c in haupt.findall("category")} >= {
        "Gesundheit",
        "Rund um Schwangerschaft und Geburt",
    }
    atom = client.get("/praxisbeispiele/feed/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    eintraege = _xml(atom.content).findall("a:entry", ns)
    assert len(eintraege) == 4
    index_html = client.get("/praxisbeispiele/").content.decode()
    assert (
        'type="application/rss+xml"' in index_html and 'href="/praxisbeispiele/feed/"' in index_html
    )


def test_sitemap_listet_veroeffentlichte_beispiele(client, beispiele):
    antwort = client.get("/sitemap.xml")
    assert antwort.status_code == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    orte = [loc.text for loc in _xml(antwort.content).findall("s:url/s:loc", ns)]
    assert "http://localhost/praxisbeispiele/" in orte
    assert "http://localhost" + beispiele["haupt"].url in orte
    assert not any(beispiele["entwurf"].slug in ort for ort in orte)


def test_demo_legt_beispiele_aus_den_seeds_einmal_an(client, db):
    call_command("demo_anlegen", stdout=StringIO())
    anzahl = Praxisbeispiel.objects.live().count()
    assert anzahl == len(demo_praxisbeispiele.PRAXISBEISPIELE) >= 8
    ausgabe = StringIO()
    call_command("demo_anlegen", stdout=ausgabe)
    assert Praxisbeispiel.objects.count() == anzahl
    assert f"Praxisbeispiele: {anzahl} veröffentlicht (0 neu angelegt)" in ausgabe.getvalue()
    kommunen = set(Praxisbeispiel.objects.values_list("kommune__name", flat=True))
    assert {"Datteln", "Ahlen", "Märkischer Kreis", "Dortmund", "Kreis Coesfeld"} <= kommunen
    antwort = client.get("/praxisbeispiele/", {"q": "Babylotsinnen"})
    assert antwort.context["suche"].anzahl >= 1
    for seite in Praxisbeispiel.objects.live():
        assert client.get(seite.url).status_code == 200, seite.url

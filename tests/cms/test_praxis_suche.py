"""The library listing: facets with live counts, combined filters, full-text search, sorting,
pagination, shareable GET parameters, empty results and a fixed number of queries."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.selectors import (
    PraxisFilter,
    praxis_stand_erhoehen,
    praxisbeispiel_facetten,
    praxisbeispiele_suchen,
)

URL = "/praxisbeispiele/"


@pytest.fixture
def bestand(beispiel, datteln, dortmund):
    """Four examples whose taxonomy overlaps in known ways."""
    return {
        "lotsen": beispiel(
            titel="Babylotsinnen in der Geburtsklinik",
            kommune=datteln,
            phasen=["schwangerschaft_geburt", "kita"],
            handlungsfelder=["gesundheit"],
            programm="fruehe_hilfen",
            angebotsart="lotsendienst",
            inhalt=[("text", "<p>Babylotsinnen begleiten Familien in den Geburtskliniken.</p>")],
        ),
        "kita": beispiel(
            titel="Sozialarbeit in Kitas",
            kommune=dortmund,
            phasen=["kita"],
            handlungsfelder=["bildung", "soziales"],
            programm="kinderstark",
            angebotsart="kita_sozialarbeit",
            inhalt=[("text", "<p>Fachkräfte beraten Eltern dort, wo sie ohnehin sind.</p>")],
        ),
        "fgz": beispiel(
            titel="Familiengrundschulzentren",
            kommune=dortmund,
            phasen=["schule"],
            handlungsfelder=["bildung"],
            programm="kinderstark",
            angebotsart="familiengrundschulzentrum",
            inhalt=[("text", "<p>Grundschulen öffnen sich als Treffpunkt für Familien.</p>")],
        ),
        "uebergang": beispiel(
            titel="Übergang gestalten",
            kommune=datteln,
            phasen=["jugend_beruf"],
            handlungsfelder=["soziales"],
            programm="kekiz",
            angebotsart="netzwerk",
            inhalt=[("kennzahlen", [{"wert": "120", "bezeichnung": "Ausbildungspatenschaften"}])],
        ),
    }


def _titel(antwort) -> list[str]:
    return [b.title for b in antwort.context["suche"].seite]


def _facette(antwort, name) -> dict[str, int]:
    facette = next(f for f in antwort.context["suche"].facetten if f.name == name)
    return {w.wert: w.anzahl for w in facette.werte}


def test_ohne_filter_alle_veroeffentlichten_mit_zaehlern(client, bestand):
    antwort = client.get(URL)
    assert antwort.status_code == 200
    assert antwort.context["suche"].anzahl == 4
    assert _facette(antwort, "phase") == {
        "schwangerschaft_geburt": 1,
        "kita": 2,
        "schule": 1,
        "jugend_beruf": 1,
    }
    assert _facette(antwort, "handlungsfeld") == {
        "gesundheit": 1,
        "bildung": 2,
        "kinder_jugendhilfe": 0,
        "soziales": 2,
        "integration": 0,
        "stadtentwicklung": 0,
    }
    assert _facette(antwort, "programm") == {
        "kekiz": 1,
        "kinderstark": 2,
        "fruehe_hilfen": 1,
        "sonstiges": 0,
    }
    assert _facette(antwort, "kreis") == {"05913": 2, "05562": 2}
    assert _facette(antwort, "kommune") == {"datteln": 2, "dortmund": 2}
    html = antwort.content.decode()
    assert "4 Praxisbeispiele" in html
    assert 'id="f-phase-kita"' in html and 'for="f-phase-kita"' in html
    assert "<legend>Phase der Präventionskette</legend>" in html


def test_zaehler_spiegeln_die_anderen_filter(client, bestand):
    antwort = client.get(URL, {"phase": "kita"})
    assert sorted(_titel(antwort)) == [
        "Babylotsinnen in der Geburtsklinik",
        "Sozialarbeit in Kitas",
    ]
    # The phase facet ignores its own selection: ticking another phase widens the result.
    assert _facette(antwort, "phase") == {
        "schwangerschaft_geburt": 1,
        "kita": 2,
        "schule": 1,
        "jugend_beruf": 1,
    }
    # Every other facet counts only within the selected phase.
    assert _facette(antwort, "handlungsfeld")["bildung"] == 1
    assert _facette(antwort, "handlungsfeld")["soziales"] == 1
    assert _facette(antwort, "kommune") == {"datteln": 1, "dortmund": 1}
    assert _facette(antwort, "programm")["kekiz"] == 0
    assert 'value="kita" checked' in antwort.content.decode()


def test_oder_innerhalb_und_ueber_facetten(client, bestand):
    antwort = client.get(URL, {"phase": ["kita", "schule"]})
    assert antwort.context["suche"].anzahl == 3
    antwort = client.get(URL, {"phase": ["kita", "schule"], "kommune": "dortmund"})
    assert sorted(_titel(antwort)) == ["Familiengrundschulzentren", "Sozialarbeit in Kitas"]
    antwort = client.get(URL, {"kreis": "05562", "handlungsfeld": "soziales"})
    assert _titel(antwort) == ["Übergang gestalten"]
    antwort = client.get(URL, {"programm": "kinderstark", "angebotsart": "kita_sozialarbeit"})
    assert _titel(antwort) == ["Sozialarbeit in Kitas"]
    assert _facette(antwort, "angebotsart")["familiengrundschulzentrum"] == 1
    assert _facette(antwort, "programm") == {
        "kekiz": 0,
        "kinderstark": 1,
        "fruehe_hilfen": 0,
        "sonstiges": 0,
    }


def test_mehrfach_zugeordnetes_beispiel_zaehlt_einmal(client, bestand):
    antwort = client.get(URL, {"phase": ["schwangerschaft_geburt", "kita"]})
    assert antwort.context["suche"].anzahl == 2
    assert len(_titel(antwort)) == 2


def test_suche_findet_wort_im_inhalt(client, bestand):
    antwort = client.get(URL, {"q": "begleiten"})
    assert _titel(antwort) == ["Babylotsinnen in der Geburtsklinik"]
    antwort = client.get(URL, {"q": "Ausbildungspatenschaften"})
    assert _titel(antwort) == ["Übergang gestalten"]
    # The municipality's name is indexed with the example.
    antwort = client.get(URL, {"q": "Dortmund"})
    assert antwort.context["suche"].anzahl == 2


def test_suche_mit_facetten_und_zaehlern(client, bestand):
    antwort = client.get(URL, {"q": "Familien"})
    assert sorted(_titel(antwort)) == [
        "Babylotsinnen in der Geburtsklinik",
        "Familiengrundschulzentren",
    ]
    assert _facette(antwort, "kommune") == {"datteln": 1, "dortmund": 1}
    antwort = client.get(URL, {"q": "Familien", "kommune": "dortmund"})
    assert _titel(antwort) == ["Familiengrundschulzentren"]
    assert _facette(antwort, "kommune") == {"datteln": 1, "dortmund": 1}
    assert _facette(antwort, "phase")["schule"] == 1
    assert _facette(antwort, "phase")["kita"] == 0


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Wortstämme (SEARCH_CONFIG „german“) gibt es nur in PostgreSQLs Volltextsuche.",
)
def test_deutsche_wortstaemme_auf_postgresql(client, bestand):
    # "Geburtsklinik" finds the body's "Geburtskliniken" only through German stemming.
    antwort = client.get(URL, {"q": "Geburtskliniken"})
    assert _titel(antwort) == ["Babylotsinnen in der Geburtsklinik"]
    antwort = client.get(URL, {"q": "Grundschule"})
    assert _titel(antwort) == ["Familiengrundschulzentren"]


def test_sortierung(client, bestand):
    neueste = _titel(client.get(URL))
    assert neueste == [
        "Übergang gestalten",
        "Familiengrundschulzentren",
        "Sozialarbeit in Kitas",
        "Babylotsinnen in der Geburtsklinik",
    ]
    nach_kommune = _titel(client.get(URL, {"sortierung": "kommune"}))
    assert nach_kommune == [
        "Babylotsinnen in der Geburtsklinik",
        "Übergang gestalten",
        "Familiengrundschulzentren",
        "Sozialarbeit in Kitas",
    ]
    # Without a search term "relevance" falls back to the newest first.
    assert _titel(client.get(URL, {"sortierung": "relevanz"})) == neueste
    antwort = client.get(URL, {"q": "Familien", "sortierung": "kommune"})
    assert _titel(antwort) == ["Babylotsinnen in der Geburtsklinik", "Familiengrundschulzentren"]
    assert antwort.context["suche"].sortierung == "kommune"
    antwort = client.get(URL, {"q": "Familien"})
    assert antwort.context["suche"].sortierung == "relevanz"
    assert client.get(URL, {"sortierung": "unsinn"}).context["suche"].sortierung == "neueste"


def test_geteilte_adresse_zeigt_dieselbe_auswahl(client, bestand):
    parameter = "?q=Familien&phase=schule&kommune=dortmund&sortierung=kommune"
    antwort = client.get(URL + parameter)
    html = antwort.content.decode()
    assert _titel(antwort) == ["Familiengrundschulzentren"]
    assert 'name="q" form="praxis-filter" value="Familien"' in html
    assert 'value="schule" checked' in html
    assert 'value="dortmund" checked' in html
    assert '<option value="kommune" selected>' in html
    suche = antwort.context["suche"]
    assert suche.filter.querystring() == parameter
    # Each active criterion links to the same search without it.
    entfernen = {link.text: link.querystring for link in suche.aktive_filter}
    assert entfernen["Kommune: Dortmund"] == "?q=Familien&phase=schule&sortierung=kommune"
    assert entfernen["Suche: „Familien“"] == "?phase=schule&kommune=dortmund&sortierung=kommune"
    assert 'href="/praxisbeispiele/?q=Familien&amp;phase=schule&amp;sortierung=kommune"' in html


def test_seitenweise_mit_erhaltenen_parametern(client, beispiel):
    for nummer in range(14):
        beispiel(titel=f"Netzwerk {nummer:02d}")
    antwort = client.get(URL, {"phase": "kita", "seite": "2"})
    assert len(_titel(antwort)) == 2
    html = antwort.content.decode()
    assert "Seite 2 von 2" in html
    assert 'href="?phase=kita&amp;seite=1" rel="prev"' in html
    assert len(_titel(client.get(URL, {"seite": "abc"}))) == 12
    assert len(_titel(client.get(URL, {"seite": "99"}))) == 2


def test_leeres_ergebnis_sagt_was_zu_lockern_ist(client, bestand):
    antwort = client.get(URL, {"q": "Babylotsinnen", "kommune": "dortmund", "phase": "schule"})
    assert antwort.context["suche"].anzahl == 0
    html = antwort.content.decode()
    assert "Kein Praxisbeispiel erfüllt alle gewählten Kriterien." in html
    lockerungen = {link.text: link.querystring for link in antwort.context["suche"].lockerungen}
    assert lockerungen == {
        "Suchbegriff „Babylotsinnen“ entfernen": "?phase=schule&kommune=dortmund",
        "Phase der Präventionskette: „Grundschule bis weiterführende Schule“ nicht mehr "
        "einschränken": "?q=Babylotsinnen&kommune=dortmund",
        "Kommune: „Dortmund“ nicht mehr einschränken": "?q=Babylotsinnen&phase=schule",
    }
    assert "Prüfen Sie auch die Schreibweise" in html
    assert "Alle Filter zurücksetzen" in html


def test_unbekannte_werte_fuehren_zu_leerem_ergebnis_mit_ausweg(client, bestand):
    antwort = client.get(URL, {"kommune": "atlantis"})
    assert antwort.context["suche"].anzahl == 0
    texte = [link.text for link in antwort.context["suche"].lockerungen]
    assert texte == ["Kommune: „atlantis“ nicht mehr einschränken"]


def test_entwuerfe_und_fremde_seiten_zaehlen_nicht(client, bestand, beispiel):
    beispiel(titel="Geheimer Entwurf", veroeffentlichen=False, phasen=["kita"])
    antwort = client.get(URL)
    assert antwort.context["suche"].anzahl == 4
    assert _facette(antwort, "phase")["kita"] == 2
    assert "Geheimer Entwurf" not in antwort.content.decode()
    assert client.get(URL, {"q": "Geheimer"}).context["suche"].anzahl == 0


def _abfragen(client, parameter) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(URL, parameter).status_code == 200
    return len(ctx.captured_queries)


ALLE_FACETTEN = {
    "q": "Fachkräfte",
    "phase": ["kita", "schule"],
    "handlungsfeld": ["bildung", "soziales"],
    "programm": ["kinderstark", "kekiz"],
    "angebotsart": ["netzwerk", "kita_sozialarbeit"],
    "kreis": ["05913", "05562"],
    "kommune": ["dortmund", "datteln"],
    "sortierung": "kommune",
}


def test_abfragen_wachsen_nicht_mit_beispielen_oder_facetten(
    client, beispiel, datteln, dortmund, django_assert_max_num_queries
):
    beispiel()
    _abfragen(client, {})  # warms the caches of content types and site root paths
    praxis_stand_erhoehen()
    kalt_wenige = _abfragen(client, {})  # the first request after a change builds the facet table
    wenige = _abfragen(client, {})
    wenige_gefiltert = _abfragen(client, ALLE_FACETTEN)
    for nummer in range(30):
        beispiel(
            kommune=dortmund if nummer % 2 else datteln,
            phasen=["kita", "schule", "jugend_beruf"][: 1 + nummer % 3],
            handlungsfelder=["bildung", "soziales"][: 1 + nummer % 2],
            angebotsart="kita_sozialarbeit",
        )
    kalt_viele = _abfragen(client, {})
    viele = _abfragen(client, {})
    viele_gefiltert = _abfragen(client, ALLE_FACETTEN)
    assert kalt_viele == kalt_wenige
    assert viele == wenige < kalt_wenige
    assert wenige_gefiltert == viele_gefiltert
    with django_assert_max_num_queries(20):
        antwort = client.get(URL, ALLE_FACETTEN)
    assert antwort.context["suche"].anzahl == 31


def test_veroeffentlichen_und_zurueckziehen_erneuern_die_zaehler(client, beispiel):
    seite = beispiel(titel="Erstes Beispiel")
    assert client.get(URL).context["suche"].anzahl == 1
    zweites = beispiel(titel="Zweites Beispiel", phasen=["schule"])
    antwort = client.get(URL, {"phase": "schule"})
    assert antwort.context["suche"].anzahl == 1
    zweites.refresh_from_db()
    zweites.unpublish()
    antwort = client.get(URL, {"phase": "schule"})
    assert antwort.context["suche"].anzahl == 0
    assert _facette(antwort, "phase")["schule"] == 0
    seite.delete()
    assert client.get(URL).context["suche"].anzahl == 0


def test_selektor_ohne_http(praxis_index, bestand):
    f = PraxisFilter(phase=("kita",), kommune=("dortmund",))
    ergebnis = praxisbeispiele_suchen(index=praxis_index, filter=f)
    assert [b.title for b in ergebnis.seite] == ["Sozialarbeit in Kitas"]
    facetten = {x.name: x for x in praxisbeispiel_facetten(index=praxis_index, filter=f)}
    assert [w.wert for w in facetten["kommune"].gewaehlte] == ["dortmund"]


def test_filter_aus_anfrage_bereinigt(rf):
    anfrage = rf.get(
        URL, {"q": "  Kita   Sozialarbeit ", "phase": ["kita", "kita", " "], "sortierung": "x"}
    )
    f = PraxisFilter.aus_anfrage(anfrage.GET)
    assert f.q == "Kita Sozialarbeit"
    assert f.phase == ("kita",)
    assert f.sortierung == ""
    assert f.wirksame_sortierung == "relevanz"
    assert re.fullmatch(r"\?q=Kita\+Sozialarbeit&phase=kita", f.querystring())

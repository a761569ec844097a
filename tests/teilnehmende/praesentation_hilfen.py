"""Upload files (real and hostile) and a course with rubric, cohorts and people for the tests."""

from __future__ import annotations

import io
import struct
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from kern import rollen
from kern.models import Kreis
from teilnehmende.beispiel_pdf import beispiel_pdf
from teilnehmende.services_praesentation import (
    begutachtung_beginnen,
    begutachtung_entscheiden,
    bewertungsraster_festlegen,
    version_einreichen,
)
from tests.kurse.factories import anmelden, durchgang_fuer, kurs_anlegen, person

PPTX_TYP = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def pdf(name: str = "Vortrag.pdf", titel: str = "Frühe Hilfen im Verbund") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, beispiel_pdf(titel, ["Eine Folie."]), "application/pdf")


def _zip(teile: dict[str, bytes], *, erster: tuple[str, bytes] | None = None) -> bytes:
    puffer = io.BytesIO()
    with zipfile.ZipFile(puffer, "w", zipfile.ZIP_DEFLATED) as archiv:
        if erster:
            archiv.writestr(zipfile.ZipInfo(erster[0]), erster[1])  # stored, uncompressed
        for name, inhalt in teile.items():
            archiv.writestr(name, inhalt)
    return puffer.getvalue()


PPTX_TEILE = {
    "[Content_Types].xml": b'<?xml version="1.0"?><Types/>',
    "_rels/.rels": b'<?xml version="1.0"?><Relationships/>',
    "ppt/presentation.xml": b'<?xml version="1.0"?><p:presentation/>',
}


def pptx_bytes(**weitere: bytes) -> bytes:
    return _zip(PPTX_TEILE | weitere)


def pptx(name: str = "Vortrag.pptx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pptx_bytes(), PPTX_TYP)


def odp(name: str = "Vortrag.odp") -> SimpleUploadedFile:
    inhalt = _zip(
        {"content.xml": b"<office:document-content/>", "META-INF/manifest.xml": b"<manifest/>"},
        erster=("mimetype", b"application/vnd.oasis.opendocument.presentation"),
    )
    return SimpleUploadedFile(name, inhalt, "application/vnd.oasis.opendocument.presentation")


def exe_als_pdf(name: str = "Vortrag.pdf") -> SimpleUploadedFile:
    """A Windows program (MZ header) renamed to .pdf."""
    return SimpleUploadedFile(
        name, b"MZ\x90\x00\x03" + b"\x00" * 200 + b"This program", "application/pdf"
    )


def zip_bombe_pptx(megabyte: int = 20) -> SimpleUploadedFile:
    """A PPTX with one entry of zeros: small on disk, far too large unpacked (ratio ~1000:1)."""
    return SimpleUploadedFile(
        "Vortrag.pptx",
        pptx_bytes(**{"ppt/media/bild.bin": bytes(megabyte * 1024 * 1024)}),
        PPTX_TYP,
    )


def luegende_pptx() -> SimpleUploadedFile:
    """A PPTX whose headers claim 1000 bytes for an entry that inflates to 5 MB."""
    daten = bytearray(pptx_bytes(**{"ppt/media/bild.bin": bytes(5 * 1024 * 1024)}))
    with zipfile.ZipFile(io.BytesIO(bytes(daten))) as archiv:
        info = archiv.getinfo("ppt/media/bild.bin")
    struct.pack_into("<I", daten, info.header_offset + 22, 1000)  # local header
    zentral = daten.find(b"PK\x01\x02")
    while zentral != -1:
        laenge = struct.unpack_from("<H", daten, zentral + 28)[0]
        if daten[zentral + 46 : zentral + 46 + laenge] == b"ppt/media/bild.bin":
            struct.pack_into("<I", daten, zentral + 24, 1000)  # central directory
            break
        zentral = daten.find(b"PK\x01\x02", zentral + 4)
    return SimpleUploadedFile("Vortrag.pptx", bytes(daten), PPTX_TYP)


KRITERIEN = [
    ("Problemanalyse", "Ausgangslage der Kommune klar beschrieben", 10),
    ("Vernetzung", "Partner der Präventionskette benannt", 10),
    ("Präsentation", "Verständlich und strukturiert", 5),
]


def lage_anlegen(trainerin, teilnehmerin) -> dict:
    """A course with rubric (25 points, pass mark 15); my cohort (trainerin, teilnehmerin) and a
    foreign cohort with its own trainer and participant."""
    kurs = kurs_anlegen(module=1, lektionen=1)
    raster = bewertungsraster_festlegen(kurs=kurs, bestehensgrenze=15, kriterien=KRITERIEN)
    meiner = durchgang_fuer(kurs, trainer=[trainerin], titel="Mein Durchgang")
    fremde_trainerin = person("fremdtrainerin", rollen.TRAINER)
    fremder = durchgang_fuer(kurs, trainer=[fremde_trainerin], titel="Fremder Durchgang")
    anmeldung = anmelden(
        teilnehmerin, meiner, kommune="Datteln", kreis=Kreis.objects.get(schluessel="05562")
    )
    fremde_teilnehmerin = person("fremdteilnehmerin")
    fremde_anmeldung = anmelden(fremde_teilnehmerin, fremder)
    return {
        "kurs": kurs,
        "raster": raster,
        "kriterien": list(raster.kriterien.all()),
        "meiner": meiner,
        "fremder": fremder,
        "anmeldung": anmeldung,
        "fremde_trainerin": fremde_trainerin,
        "fremde_teilnehmerin": fremde_teilnehmerin,
        "fremde_anmeldung": fremde_anmeldung,
        "admin": person("admin", rollen.ADMINISTRATION),
    }


def einreichen(anmeldung, *, titel: str = "Frühe Hilfen im Verbund", datei=None, **felder):
    return version_einreichen(
        anmeldung=anmeldung,
        titel=titel,
        kurzfassung=felder.pop("kurzfassung", "Das Jugendamt verbindet seine Angebote."),
        datei=datei or pdf(),
        **felder,
    )


def punkte(lage: dict, *werte: int) -> dict[int, int]:
    return {k.pk: w for k, w in zip(lage["kriterien"], werte, strict=True)}


def entscheiden(praesentation, trainerin, lage, entscheidung: str, *werte: int, kommentar="Gut."):
    begutachtung_beginnen(praesentation=praesentation)
    return begutachtung_entscheiden(
        praesentation=praesentation,
        gutachter=trainerin,
        entscheidung=entscheidung,
        punkte=punkte(lage, *(werte or (8, 8, 4))),
        kommentar=kommentar,
    )

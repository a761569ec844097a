"""Checks an uploaded final presentation before a byte of it is stored.

The type is decided by the content (magic bytes, and for the ZIP formats the parts a real
PowerPoint or Impress file has) *and* must match the file name's extension. PPTX and ODP are
ZIP archives: their entries are inflated in blocks while the real size is counted, so a ZIP bomb
that lies in its headers is stopped early instead of being handed to a trainer's office suite.
"""

from __future__ import annotations

import os
import re
import unicodedata
import uuid
import zipfile
import zlib
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kern import uploads

MB = 1024 * 1024

DATEI_LEER = _("Die Datei ist leer. Bitte wählen Sie Ihre Präsentation aus.")
DATEI_ZU_GROSS = _(
    "Die Datei ist %(groesse)s MB groß. Erlaubt sind höchstens %(max)s MB. Bitte verkleinern Sie "
    "die Präsentation, z. B. indem Sie Bilder komprimieren."
)
ENDUNG_NICHT_ERLAUBT = _(
    "Dateien mit der Endung „%(endung)s“ sind nicht erlaubt. Bitte laden Sie eine Datei im Format "
    "%(erlaubt)s hoch."
)
ENDUNG_FEHLT = _(
    "Der Dateiname hat keine Endung. Bitte laden Sie eine Datei im Format %(erlaubt)s hoch."
)
INHALT_PASST_NICHT = _(
    "Der Inhalt der Datei passt nicht zur Endung „%(endung)s“: Es ist keine gültige "
    "%(format)s-Datei. Bitte speichern Sie die Präsentation erneut im richtigen Format."
)
ARCHIV_BESCHAEDIGT = _(
    "Die Datei ist beschädigt und lässt sich nicht öffnen. Bitte speichern Sie die Präsentation "
    "erneut und laden Sie sie noch einmal hoch."
)
ARCHIV_ZU_GROSS = _(
    "Die Datei würde entpackt mehr als %(max)s MB belegen oder ist ungewöhnlich stark "
    "komprimiert. Solche Dateien werden aus Sicherheitsgründen nicht angenommen."
)
ARCHIV_ZU_VIELE_TEILE = _(
    "Die Datei besteht aus mehr als %(max)s Teilen. Solche Dateien werden aus "
    "Sicherheitsgründen nicht angenommen."
)
ARCHIV_VERSCHLUESSELT = _(
    "Die Datei ist verschlüsselt oder passwortgeschützt. Bitte laden Sie sie ohne Kennwort hoch."
)

#: The formats a presentation may have; LERNKETTE_PRAESENTATION_DATEITYPEN picks from these.
FORMATE = {
    "pdf": ("PDF", "application/pdf"),
    "pptx": (
        "PowerPoint (PPTX)",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    "odp": ("OpenDocument-Präsentation (ODP)", "application/vnd.oasis.opendocument.presentation"),
}
ODP_MIMETYPE = FORMATE["odp"][1].encode()

#: Caps for the ZIP formats: entries, inflated bytes in total, and the ratio of a large entry.
MAX_TEILE = 5000
MAX_ENTPACKT_FAKTOR = 4  # × the upload cap
MAX_VERHAELTNIS = 100
VERHAELTNIS_AB = MB
BLOCK = 64 * 1024


@dataclass(frozen=True)
class GepruefteDatei:
    """What the check found out: the safe display name, the format and the size."""

    dateiname: str
    dateityp: str
    groesse: int

    @property
    def content_type(self) -> str:
        return FORMATE[self.dateityp][1]


def erlaubte_typen() -> list[str]:
    return [t for t in settings.LERNKETTE_PRAESENTATION_DATEITYPEN if t in FORMATE]


def max_bytes() -> int:
    return uploads.grenze("praesentation")  # LERNKETTE_UPLOAD_GRENZEN, the one place


def erlaubt_text() -> str:
    return ", ".join(FORMATE[t][0] for t in erlaubte_typen())


def dateiname_bereinigen(name: str, *, endung: str) -> str:
    """A display name without any path, control or special characters, ending in `.endung`.

    "../../etc/passwd.pdf" becomes "passwd.pdf"; "C:\\Users\\x\\Vortrag.PDF" becomes
    "Vortrag.pdf". The file is stored under a random name anyway; this one is only shown and
    offered in Content-Disposition.
    """
    name = unicodedata.normalize("NFC", name or "")
    stamm = _basisname(name).rsplit(".", 1)[0]
    stamm = "".join(z for z in stamm if unicodedata.category(z)[0] not in "CZ" or z == " ")
    stamm = re.sub(r"[^\w .()-]", "_", stamm).strip(" ._-")
    stamm = re.sub(r"[ _]{2,}", "_", stamm)[:100].strip(" ._-")
    return f"{stamm or 'praesentation'}.{endung}"


def speichername(dateityp: str) -> str:
    """The random name the file is stored under (nothing of the upload's name reaches disk)."""
    return f"{uuid.uuid4().hex}.{dateityp}"


def pruefen(datei: IO[bytes], name: str) -> GepruefteDatei:
    """Raise a ValidationError with a German message, or return what the file is."""
    groesse = _groesse(datei)
    if groesse == 0:
        raise ValidationError(DATEI_LEER, code="leer")
    if groesse > max_bytes():
        raise ValidationError(
            DATEI_ZU_GROSS,
            code="zu_gross",
            params={
                "groesse": f"{groesse / MB:.1f}".replace(".", ","),
                "max": f"{max_bytes() / MB:g}".replace(".", ","),
            },
        )
    basis = _basisname(name)
    endung = basis.rsplit(".", 1)[1].lower() if "." in basis else ""
    if not endung:
        raise ValidationError(ENDUNG_FEHLT, code="endung", params={"erlaubt": erlaubt_text()})
    if endung not in erlaubte_typen():
        raise ValidationError(
            ENDUNG_NICHT_ERLAUBT,
            code="endung",
            params={"endung": f".{endung}", "erlaubt": erlaubt_text()},
        )
    datei.seek(0)
    if endung == "pdf":
        ok = datei.read(1024).lstrip(b"\x00\t\n\r ").startswith(b"%PDF-")
    else:
        ok = _zip_pruefen(datei, endung)
    if not ok:
        raise ValidationError(
            INHALT_PASST_NICHT,
            code="inhalt",
            params={"endung": f".{endung}", "format": FORMATE[endung][0]},
        )
    datei.seek(0)
    return GepruefteDatei(
        dateiname=dateiname_bereinigen(name, endung=endung), dateityp=endung, groesse=groesse
    )


def _basisname(name: str) -> str:
    """The last path segment, whether the browser sent "/" or "\\" separators."""
    return re.split(r"[\\/]", name or "")[-1]


def _groesse(datei: IO[bytes]) -> int:
    groesse = getattr(datei, "size", None)
    if groesse is None:
        datei.seek(0, os.SEEK_END)
        groesse = datei.tell()
    datei.seek(0)
    return groesse


def _zip_pruefen(datei: IO[bytes], endung: str) -> bool:
    """True when the archive is a sound PPTX/ODP; False when it is no such file at all."""
    if datei.read(4) != b"PK\x03\x04":
        return False
    datei.seek(0)
    grenze = max_bytes() * MAX_ENTPACKT_FAKTOR
    try:
        with zipfile.ZipFile(datei) as archiv:
            eintraege = archiv.infolist()
            if len(eintraege) > MAX_TEILE:
                raise ValidationError(
                    ARCHIV_ZU_VIELE_TEILE, code="zu_viele_teile", params={"max": MAX_TEILE}
                )
            zu_gross = ValidationError(
                ARCHIV_ZU_GROSS, code="zip_bombe", params={"max": grenze // MB}
            )
            # Declared sizes first: nothing is inflated for an archive that admits being a bomb.
            if sum(e.file_size for e in eintraege) > grenze:
                raise zu_gross
            for eintrag in eintraege:
                if eintrag.flag_bits & 0x1:
                    raise ValidationError(ARCHIV_VERSCHLUESSELT, code="verschluesselt")
                if eintrag.file_size >= VERHAELTNIS_AB and eintrag.file_size > (
                    MAX_VERHAELTNIS * max(eintrag.compress_size, 1)
                ):
                    raise zu_gross
            if not _teile_passen(archiv, endung):
                return False
            # Then the real sizes: zipfile stops at the declared size and checks the CRC, and we
            # count what comes out, so lying headers end in an error, never in a flood.
            entpackt = 0
            for eintrag in eintraege:
                with archiv.open(eintrag) as teil:
                    while block := teil.read(BLOCK):
                        entpackt += len(block)
                        if entpackt > grenze:
                            raise zu_gross
    except ValidationError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,  # e.g. unsupported compression
        EOFError,
        OSError,
        ValueError,
        RuntimeError,  # e.g. an encrypted part
        zlib.error,
    ):
        raise ValidationError(ARCHIV_BESCHAEDIGT, code="beschaedigt") from None
    return True


def _teile_passen(archiv: zipfile.ZipFile, endung: str) -> bool:
    namen = set(archiv.namelist())
    if endung == "pptx":
        return "[Content_Types].xml" in namen and "ppt/presentation.xml" in namen
    # ODF: the first entry is "mimetype", stored uncompressed, holding the media type.
    erster = archiv.infolist()[0]
    if erster.filename != "mimetype" or erster.file_size > 100:
        return False
    return archiv.read(erster).strip() == ODP_MIMETYPE and "content.xml" in namen

"""Checks an uploaded H5P package: a pure-Python port of the H5P core's package validation.

The H5P rules follow ``H5PValidator`` in ``h5p.classes.php`` of the official PHP library: the
required and optional fields of ``h5p.json`` and ``library.json``, library folder names, preloaded
files, the dependency closure, the file-type whitelists and the files core skips (any path segment
starting with "." or "_", such as ``__MACOSX/`` or ``.DS_Store``; top-level files other than
``h5p.json`` are tolerated and ignored, as in core).

On top of core, the archive itself is treated as hostile: names, links, compression methods and
declared sizes are checked before a byte is inflated, and every member is then inflated in small
blocks while its real size is counted, so a ZIP bomb that lies in its headers is stopped after a
few kilobytes instead of filling memory or disk.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import stat
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import attrgetter
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

__all__ = [
    "Archiv",
    "Bibliothek",
    "Datei",
    "GeprueftesPaket",
    "Grenzen",
    "H5PPaketFehler",
    "grenzen_aus_einstellungen",
    "pruefen",
]

MB = 1024 * 1024

# A path, or an open binary file object that can seek (an upload, a BytesIO, a temporary file).
Datei = str | os.PathLike[str] | IO[bytes]


@dataclass(frozen=True)
class Grenzen:
    """Caps for one package; the Django setting ``H5P_GRENZEN`` (a dict) overrides the defaults."""

    max_dateien: int = 2000
    max_dateigroesse: int = 100 * MB
    max_gesamtgroesse: int = 300 * MB
    max_verhaeltnis: int = 100
    # Below this size a ratio says nothing: a few KB of repetitive JSON may well compress 200:1.
    verhaeltnis_ab: int = 1 * MB


def grenzen_aus_einstellungen() -> Grenzen:
    """The caps in force now, read lazily so that tests and deployments can override them."""
    werte = getattr(settings, "H5P_GRENZEN", None) or {}
    try:
        return dataclasses.replace(Grenzen(), **werte)
    except TypeError as fehler:
        raise ImproperlyConfigured(f"H5P_GRENZEN: {fehler}") from fehler


# --- Messages ---------------------------------------------------------------------------------
# Archive level: checked before anything is inflated.
FEHLER_KEIN_ZIP = _(
    "Die hochgeladene Datei ist kein H5P-Paket: Sie lässt sich nicht als ZIP-Archiv öffnen."
)
FEHLER_ZU_VIELE_DATEIEN = _("Das Paket enthält mehr als %(max)s Dateien und Ordner.")
FEHLER_PFAD_BACKSLASH = _(
    "Die Datei „%(datei)s“ hat einen unsicheren Pfad: Backslashes („\\“) sind nicht erlaubt."
)
FEHLER_PFAD_ABSOLUT = _(
    "Die Datei „%(datei)s“ hat einen unsicheren Pfad: "
    "Absolute Pfade und Laufwerksbuchstaben sind nicht erlaubt."
)
FEHLER_PFAD_ELTERNVERZEICHNIS = _(
    "Die Datei „%(datei)s“ hat einen unsicheren Pfad: „..“ ist als Pfadteil nicht erlaubt."
)
FEHLER_PFAD_UNSICHER = _(
    "Die Datei „%(datei)s“ hat einen unsicheren Pfad: "
    "Leere Pfadteile und Steuerzeichen sind nicht erlaubt."
)
FEHLER_SYMLINK = _(
    "Die Datei „%(datei)s“ ist ein symbolischer Link; Links sind in H5P-Paketen nicht erlaubt."
)
FEHLER_NAME_DOPPELT = _(
    "Der Name „%(datei)s“ kommt im Paket mehrfach vor "
    "(auch als Ordner oder in anderer Groß-/Kleinschreibung)."
)
FEHLER_VERSCHLUESSELT = _(
    "Die Datei „%(datei)s“ ist verschlüsselt; verschlüsselte Dateien sind nicht erlaubt."
)
FEHLER_KOMPRESSION = _(
    "Die Datei „%(datei)s“ ist mit einem nicht unterstützten Verfahren komprimiert; "
    "erlaubt sind nur „Stored“ und „Deflate“."
)
FEHLER_UEBERLAPPUNG = _(
    "Die Datei „%(datei)s“ überlappt im Archiv mit einer anderen Datei; "
    "das Paket wird als mögliche ZIP-Bombe abgelehnt."
)
FEHLER_DATEI_ZU_GROSS = _(
    "Die Datei „%(datei)s“ ist entpackt größer als die erlaubten %(max)s je Datei."
)
FEHLER_GESAMT_ZU_GROSS = _(
    "Die Dateien des Pakets sind entpackt zusammen größer als die erlaubten %(max)s."
)
FEHLER_VERHAELTNIS = _(
    "Die Datei „%(datei)s“ ist stärker komprimiert als erlaubt (mehr als %(max)s : 1); "
    "das Paket wird als mögliche ZIP-Bombe abgelehnt."
)
FEHLER_GROESSE_FALSCH = _(
    "Die Datei „%(datei)s“ ist entpackt größer als die im Archiv angegebenen %(angegeben)s; "
    "das Paket wird als mögliche ZIP-Bombe abgelehnt."
)
FEHLER_ARCHIV_BESCHAEDIGT = _(
    "Das Paket ist beschädigt: Die Datei „%(datei)s“ lässt sich nicht fehlerfrei entpacken."
)

# Package level: the rules of the H5P core.
FEHLER_DATEITYP_INHALT = _(
    "Die Datei „%(datei)s“ ist nicht erlaubt: Die Endung „.%(endung)s“ gehört nicht zu den "
    "erlaubten Dateitypen für Inhalte."
)
FEHLER_DATEITYP_BIBLIOTHEK = _(
    "Die Datei „%(datei)s“ ist nicht erlaubt: Die Endung „.%(endung)s“ gehört nicht zu den "
    "erlaubten Dateitypen für Bibliotheken."
)
FEHLER_DATEITYP_OHNE_ENDUNG = _(
    "Die Datei „%(datei)s“ ist nicht erlaubt: Dateien ohne Endung sind nicht erlaubt."
)
FEHLER_H5P_JSON_FEHLT = _("Die Datei „h5p.json“ fehlt im Hauptordner des Pakets.")
FEHLER_CONTENT_JSON_FEHLT = _(
    "Die Datei „content/content.json“ fehlt; jedes H5P-Paket braucht sie im Ordner „content“."
)
FEHLER_JSON_UNGUELTIG = _(
    "Die Datei „%(datei)s“ enthält kein gültiges JSON "
    "(Fehler in Zeile %(zeile)s, Spalte %(spalte)s)."
)
FEHLER_JSON_ZU_TIEF = _("Die Datei „%(datei)s“ enthält zu tief verschachteltes JSON.")
FEHLER_JSON_KODIERUNG = _("Die Datei „%(datei)s“ ist nicht in UTF-8 kodiert.")
FEHLER_JSON_KEIN_OBJEKT = _("Die Datei „%(datei)s“ muss ein JSON-Objekt („{…}“) enthalten.")
FEHLER_PFLICHTFELD_FEHLT = _("In „%(datei)s“ fehlt das Pflichtfeld „%(feld)s“.")
FEHLER_FELD_UNGUELTIG = _(
    "In „%(datei)s“ hat das Feld „%(feld)s“ einen ungültigen Wert; erwartet wird %(format)s."
)
FEHLER_HAUPTBIBLIOTHEK_NICHT_GELISTET = _(
    "In „h5p.json“ steht die Hauptbibliothek „%(bibliothek)s“ nicht unter „preloadedDependencies“."
)
FEHLER_BIBLIOTHEK_ORDNERNAME = _(
    "Der Bibliotheksordner „%(ordner)s“ hat einen ungültigen Namen; erlaubt sind nur "
    "Buchstaben, Ziffern, „_“, „-“ und „.“ (etwa „H5P.TrueFalse-1.6“)."
)
FEHLER_LIBRARY_JSON_FEHLT = _("Im Bibliotheksordner „%(ordner)s“ fehlt die Datei „library.json“.")
FEHLER_BIBLIOTHEK_ORDNER_PASST_NICHT = _(
    "Der Bibliotheksordner „%(ordner)s“ passt nicht zu seiner „library.json“: "
    "Für „%(bibliothek)s“ muss er „%(erwartet)s“ heißen."
)
FEHLER_BIBLIOTHEK_DOPPELT = _(
    "Die Bibliothek „%(bibliothek)s“ liegt mehrfach im Paket (auch im Ordner „%(ordner)s“)."
)
FEHLER_VORGELADENE_DATEI_FEHLT = _(
    "Die Datei „%(datei)s“ fehlt, obwohl „%(ordner)s/library.json“ sie unter „%(feld)s“ lädt."
)
FEHLER_SPRACHDATEI_NAME = _(
    "Die Sprachdatei „%(datei)s“ hat einen ungültigen Namen; erwartet wird ein Sprachcode "
    "wie „de.json“ oder „zh-hans.json“."
)
FEHLER_HAUPTBIBLIOTHEK_FEHLT = _(
    "Die Hauptbibliothek „%(bibliothek)s“ aus „h5p.json“ fehlt im Paket."
)
FEHLER_ABHAENGIGKEIT_FEHLT = _(
    "Die Bibliothek „%(bibliothek)s“ fehlt im Paket; „%(von)s“ braucht sie."
)

# What a field must look like; completes FEHLER_FELD_UNGUELTIG ("erwartet wird …").
FORMAT_TITEL = _("ein Text mit 1 bis 255 Zeichen ohne Zeilenumbruch")
FORMAT_SPRACHE = _("ein Sprachcode aus 1 bis 10 Buchstaben oder „-“")
FORMAT_MASCHINENNAME = _("ein Maschinenname aus Buchstaben, Ziffern, „_“, „-“ und „.“")
FORMAT_HAUPTBIBLIOTHEK = _("ein Maschinenname wie „H5P.TrueFalse“")
FORMAT_VERSION = _("eine ganze Zahl mit 1 bis 5 Ziffern")
FORMAT_NULL_ODER_EINS = _("0 oder 1")
FORMAT_EINBETTUNG = _("eine Liste mit „iframe“ und/oder „div“")
FORMAT_ABHAENGIGKEITEN = _(
    "eine Liste von Objekten mit „machineName“, „majorVersion“ und „minorVersion“"
)
FORMAT_JS_DATEIEN = _("eine Liste von Objekten mit „path“")
FORMAT_JS_PFAD = _("ein relativer Pfad zu einer .js-Datei")
FORMAT_CSS_DATEIEN = _("eine Liste von Objekten mit „path“")
FORMAT_CSS_PFAD = _("ein relativer Pfad zu einer .css-Datei")
FORMAT_CSS_AUSLASSEN = _("eine Liste von Objekten mit „machineName“")
FORMAT_CORE_API = _("ein Objekt mit „majorVersion“ und „minorVersion“")

# --- Rules ------------------------------------------------------------------------------------
INHALT_ENDUNGEN = frozenset(
    (
        "json png jpg jpeg gif bmp tif tiff eot ttf woff woff2 otf webm mp4 ogg mp3 m4a wav "
        "txt pdf rtf doc docx xls xlsx ppt pptx odt ods odp csv diff patch md textile "
        "vtt webvtt gltf glb"
    ).split()
)
# SVG and XML only in libraries: in content an editor's upload could carry script into our origin.
BIBLIOTHEK_ENDUNGEN = INHALT_ENDUNGEN | {"js", "css", "svg", "xml"}

# Core's PHP patterns work on bytes; ASCII keeps "[a-z]" from matching "K" (Kelvin) or "ſ".
_ASCII_I = re.ASCII | re.IGNORECASE
_TITEL = re.compile(r"[^\n]{1,255}")
_SPRACHE = re.compile(r"[-a-z]{1,10}", _ASCII_I)
_MASCHINENNAME = re.compile(r"[\w.-]{1,255}", _ASCII_I)
_HAUPTBIBLIOTHEK = re.compile(r"[$a-z_][0-9a-z_.$]{1,254}", _ASCII_I)
_VERSION = re.compile(r"[0-9]{1,5}")
_NULL_ODER_EINS = re.compile(r"[01]")
# Core's "((\\|/)?[a-z_\-\s0-9\.]+)+\.js" with the nested quantifier unrolled: the same
# language, but no catastrophic backtracking on a long hostile path.
_JS_PFAD = re.compile(r"[\\/]?[a-z_\s0-9.-]+(?:[\\/][a-z_\s0-9.-]+)*\.js", _ASCII_I)
_CSS_PFAD = re.compile(r"[\\/]?[a-z_\s0-9.-]+(?:[\\/][a-z_\s0-9.-]+)*\.css", _ASCII_I)
# Core's "(-?[a-z]+){1,7}\.json", unrolled for the same reason.
_SPRACHDATEI = re.compile(r"-?[a-z]+(?:-[a-z]+){0,6}\.json", _ASCII_I)
_ORDNER_MIT_VERSION = re.compile(r"(?P<name>.+)-(?P<major>[0-9]{1,5})\.(?P<minor>[0-9]{1,5})")
_LAUFWERK = re.compile(r"[a-z]:", _ASCII_I)


@dataclass(frozen=True)
class _Muster:
    regex: re.Pattern[str]
    format: Promise


@dataclass(frozen=True)
class _Auswahl:
    erlaubt: frozenset[str]
    format: Promise


@dataclass(frozen=True)
class _Objekt:
    felder: Mapping[str, _Muster]
    format: Promise


@dataclass(frozen=True)
class _Liste:
    """A list of objects, each with all of ``felder``."""

    felder: Mapping[str, _Muster]
    format: Promise
    leer_erlaubt: bool = True


_Regel = _Muster | _Auswahl | _Objekt | _Liste

_VERSIONSNUMMER = _Muster(_VERSION, FORMAT_VERSION)
_NAME = _Muster(_MASCHINENNAME, FORMAT_MASCHINENNAME)
_ABHAENGIGKEITEN = _Liste(
    {"machineName": _NAME, "majorVersion": _VERSIONSNUMMER, "minorVersion": _VERSIONSNUMMER},
    FORMAT_ABHAENGIGKEITEN,
)
_EINBETTUNG = _Auswahl(frozenset({"iframe", "div"}), FORMAT_EINBETTUNG)
_TITEL_REGEL = _Muster(_TITEL, FORMAT_TITEL)
_NULL_ODER_EINS_REGEL = _Muster(_NULL_ODER_EINS, FORMAT_NULL_ODER_EINS)

_H5P_PFLICHT: dict[str, _Regel] = {
    "title": _TITEL_REGEL,
    "language": _Muster(_SPRACHE, FORMAT_SPRACHE),
    # The main library must be among them, so an empty list is never valid here.
    "preloadedDependencies": dataclasses.replace(_ABHAENGIGKEITEN, leer_erlaubt=False),
    "mainLibrary": _Muster(_HAUPTBIBLIOTHEK, FORMAT_HAUPTBIBLIOTHEK),
    "embedTypes": _EINBETTUNG,
}
_H5P_OPTIONAL: dict[str, _Regel] = {"dynamicDependencies": _ABHAENGIGKEITEN}
_BIBLIOTHEK_PFLICHT: dict[str, _Regel] = {
    "title": _TITEL_REGEL,
    "majorVersion": _VERSIONSNUMMER,
    "minorVersion": _VERSIONSNUMMER,
    "patchVersion": _VERSIONSNUMMER,
    "machineName": _NAME,
    "runnable": _NULL_ODER_EINS_REGEL,
}
# Core also checks author, license, description and metadataSettings; they are display-only
# metadata the player does not need, so a typo there should not block an upload.
_BIBLIOTHEK_OPTIONAL: dict[str, _Regel] = {
    "preloadedDependencies": _ABHAENGIGKEITEN,
    "dynamicDependencies": _ABHAENGIGKEITEN,
    "editorDependencies": _ABHAENGIGKEITEN,
    "preloadedJs": _Liste({"path": _Muster(_JS_PFAD, FORMAT_JS_PFAD)}, FORMAT_JS_DATEIEN),
    "preloadedCss": _Liste({"path": _Muster(_CSS_PFAD, FORMAT_CSS_PFAD)}, FORMAT_CSS_DATEIEN),
    "dropLibraryCss": _Liste({"machineName": _NAME}, FORMAT_CSS_AUSLASSEN),
    "embedTypes": _EINBETTUNG,
    "fullscreen": _NULL_ODER_EINS_REGEL,
    "coreApi": _Objekt(
        {"majorVersion": _VERSIONSNUMMER, "minorVersion": _VERSIONSNUMMER}, FORMAT_CORE_API
    ),
}


# --- Results ----------------------------------------------------------------------------------
class H5PPaketFehler(Exception):
    """The package was rejected; ``meldungen`` holds every reason found, in German."""

    def __init__(self, meldungen: list[str]) -> None:
        super().__init__("\n".join(meldungen))
        self.meldungen = list(meldungen)


@dataclass
class Bibliothek:
    ordner: str
    machine_name: str
    major: int
    minor: int
    patch: int
    titel: str
    laufbar: bool
    preloaded_js: list[str] = field(default_factory=list)
    preloaded_css: list[str] = field(default_factory=list)
    # "machineName major.minor" of every preloaded and dynamic dependency (not editor ones).
    abhaengigkeiten: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.machine_name} {self.major}.{self.minor}"


@dataclass
class GeprueftesPaket:
    titel: str
    hauptbibliothek: str
    bibliotheken: list[Bibliothek]
    h5p_json: dict[str, Any]
    content_json: dict[str, Any]
    # The members that get extracted, with their real (counted) size in bytes.
    dateien: list[tuple[str, int]]
    gesamtgroesse: int
    sha256: str


# --- The archive ------------------------------------------------------------------------------
_BLOCK = 64 * 1024
_LOKALER_KOPF = struct.Struct("<4s2B4HL2L2H")
_ENDE = struct.Struct("<4s4H2LH")
_ZIP64_ENDE = struct.Struct("<4sQ2H2L4Q")
_ZIP64_LOKATOR_GROESSE = 20
# A central directory entry is 46 bytes plus name and extras; 4 KiB each is far more than any
# real package needs, so a bigger directory can only be a trick to exhaust memory while parsing.
_VERZEICHNIS_JE_EINTRAG = 4096
# What zipfile raises for a file it cannot read as an archive (NotImplementedError: a ZIP
# version newer than it knows; found by fuzzing, like the others).
_KEIN_ZIP = (zipfile.BadZipFile, EOFError, NotImplementedError, ValueError, struct.error)


def _groesse_text(anzahl: int) -> str:
    for einheit, faktor in (("GB", 1024 * MB), ("MB", MB), ("KB", 1024)):
        if anzahl >= faktor:
            zahl = f"{anzahl / faktor:.1f}".removesuffix(".0").replace(".", ",")
            return f"{zahl} {einheit}"
    return f"{anzahl} Bytes"


def _text(vorlage: Promise, **werte: object) -> str:
    return str(vorlage % werte)


def _anzeigename(name: str) -> str:
    return "".join(zeichen if zeichen.isprintable() else "\ufffd" for zeichen in name)


def _verzeichnis_laut_ende(fp: IO[bytes]) -> tuple[int, int] | None:
    """Entry count and size of the central directory, read from the end record.

    ``zipfile`` parses the whole directory into objects before anyone can count them, so these
    figures are checked first. None when there is no readable end record (zipfile then decides).
    """
    fp.seek(0, os.SEEK_END)
    dateigroesse = fp.tell()
    laenge = min(dateigroesse, _ENDE.size + 0xFFFF)
    fp.seek(dateigroesse - laenge)
    schluss = fp.read(laenge)
    stelle = schluss.rfind(b"PK\x05\x06")
    if stelle < 0 or stelle + _ENDE.size > len(schluss):
        return None
    _sig, _, _, _, anzahl, groesse, _, _ = _ENDE.unpack_from(schluss, stelle)
    if anzahl != 0xFFFF and groesse != 0xFFFFFFFF:
        return anzahl, groesse
    # ZIP64: its end record sits right before the 20-byte locator, as zipfile expects it too.
    zip64_stelle = dateigroesse - laenge + stelle - _ZIP64_LOKATOR_GROESSE - _ZIP64_ENDE.size
    if zip64_stelle < 0:
        return None
    fp.seek(zip64_stelle)
    satz = fp.read(_ZIP64_ENDE.size)
    if len(satz) != _ZIP64_ENDE.size or not satz.startswith(b"PK\x06\x06"):
        return None
    felder = _ZIP64_ENDE.unpack(satz)
    return felder[7], felder[8]


def _zu_stark_komprimiert(entpackt: int, komprimiert: int, grenzen: Grenzen) -> bool:
    if entpackt <= grenzen.verhaeltnis_ab:
        return False
    return entpackt > grenzen.max_verhaeltnis * max(komprimiert, 1)


def _rohname_laenge(info: zipfile.ZipInfo) -> int:
    kodierung = "utf-8" if info.flag_bits & 0x800 else "cp437"
    try:
        return len(info.orig_filename.encode(kodierung))
    except UnicodeEncodeError:
        return 0


class Archiv:
    """A ZIP archive read member by member, trusting none of the sizes its headers declare."""

    def __init__(self, fp: IO[bytes], grenzen: Grenzen) -> None:
        self._fp = fp
        self.grenzen = grenzen
        self._entpackt_gesamt = 0
        verzeichnis = _verzeichnis_laut_ende(fp)
        if verzeichnis is not None and (
            verzeichnis[0] > grenzen.max_dateien
            or verzeichnis[1] > grenzen.max_dateien * _VERZEICHNIS_JE_EINTRAG
        ):
            raise H5PPaketFehler([_text(FEHLER_ZU_VIELE_DATEIEN, max=grenzen.max_dateien)])
        try:
            self.zip = zipfile.ZipFile(fp)
        except _KEIN_ZIP as fehler:
            raise H5PPaketFehler([_text(FEHLER_KEIN_ZIP)]) from fehler
        if len(self.zip.infolist()) > grenzen.max_dateien:
            self.zip.close()
            raise H5PPaketFehler([_text(FEHLER_ZU_VIELE_DATEIEN, max=grenzen.max_dateien)])

    @classmethod
    @contextmanager
    def oeffnen(cls, datei: Datei, grenzen: Grenzen) -> Iterator[Archiv]:
        with _binaer_oeffnen(datei) as fp:
            archiv = cls(fp, grenzen)
            try:
                yield archiv
            finally:
                archiv.zip.close()

    def sha256(self) -> str:
        self._fp.seek(0)
        pruefsumme = hashlib.sha256()
        while block := self._fp.read(MB):
            pruefsumme.update(block)
        return pruefsumme.hexdigest()

    def bloecke(self, info: zipfile.ZipInfo) -> Iterator[bytes]:
        """Yield the member's real bytes; raise H5PPaketFehler as soon as any cap is crossed.

        The declared size is itself a cap: a member that inflates past it lies, and reading
        stops there, whatever the configured limits would still allow.
        """
        g = self.grenzen
        name = _anzeigename(info.filename)
        self._zum_datenanfang(info)
        grenze = min(info.file_size, g.max_dateigroesse)
        rest = info.compress_size
        echt = 0
        verbraucht = 0
        pruefsumme = 0
        entpacker = (
            zlib.decompressobj(-zlib.MAX_WBITS)
            if info.compress_type == zipfile.ZIP_DEFLATED
            else None
        )
        while True:
            if entpacker is None:
                if not rest:
                    break
                block = self._lesen(min(_BLOCK, rest), name)
                rest -= len(block)
                verbraucht += len(block)
            else:
                if entpacker.eof:
                    break
                eingabe = entpacker.unconsumed_tail
                if not eingabe:
                    if not rest:
                        raise self._beschaedigt(name)
                    eingabe = self._lesen(min(_BLOCK, rest), name)
                    rest -= len(eingabe)
                try:
                    # max_length bounds every block, however extreme the compression.
                    block = entpacker.decompress(eingabe, _BLOCK)
                except zlib.error as fehler:
                    raise self._beschaedigt(name) from fehler
                verbraucht = info.compress_size - rest - len(entpacker.unconsumed_tail)
            echt += len(block)
            self._entpackt_gesamt += len(block)
            if echt > grenze:
                if info.file_size <= g.max_dateigroesse:
                    vorlage, werte = FEHLER_GROESSE_FALSCH, {"angegeben": _groesse_text(grenze)}
                else:
                    vorlage, werte = FEHLER_DATEI_ZU_GROSS, {"max": _groesse_text(grenze)}
                raise H5PPaketFehler([_text(vorlage, datei=name, **werte)])
            if self._entpackt_gesamt > g.max_gesamtgroesse:
                max_text = _groesse_text(g.max_gesamtgroesse)
                raise H5PPaketFehler([_text(FEHLER_GESAMT_ZU_GROSS, max=max_text)])
            if _zu_stark_komprimiert(echt, verbraucht, g):
                raise H5PPaketFehler([_text(FEHLER_VERHAELTNIS, datei=name, max=g.max_verhaeltnis)])
            pruefsumme = zlib.crc32(block, pruefsumme)
            if block:
                yield block
        if echt != info.file_size or pruefsumme != info.CRC:
            raise self._beschaedigt(name)

    def _zum_datenanfang(self, info: zipfile.ZipInfo) -> None:
        name = _anzeigename(info.filename)
        # Checked for every member before reading already; repeated for callers of bloecke().
        if info.flag_bits & 0x1:
            raise H5PPaketFehler([_text(FEHLER_VERSCHLUESSELT, datei=name)])
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise H5PPaketFehler([_text(FEHLER_KOMPRESSION, datei=name)])
        if info.header_offset < 0:
            raise self._beschaedigt(name)
        self._fp.seek(info.header_offset)
        kopf = self._lesen(_LOKALER_KOPF.size, name)
        felder = _LOKALER_KOPF.unpack(kopf)
        if felder[0] != b"PK\x03\x04":
            raise self._beschaedigt(name)
        rohname = self._lesen(felder[10], name)
        kodierung = "utf-8" if info.flag_bits & 0x800 else "cp437"
        try:
            lokaler_name = rohname.decode(kodierung)
        except UnicodeDecodeError:
            lokaler_name = None
        # Two different names for one member would let another unzip tool see other files.
        if lokaler_name != info.orig_filename:
            raise self._beschaedigt(name)
        self._fp.seek(felder[11], os.SEEK_CUR)

    def _lesen(self, anzahl: int, name: str) -> bytes:
        daten = self._fp.read(anzahl)
        if len(daten) != anzahl:
            raise self._beschaedigt(name)
        return daten

    @staticmethod
    def _beschaedigt(name: str) -> H5PPaketFehler:
        return H5PPaketFehler([_text(FEHLER_ARCHIV_BESCHAEDIGT, datei=name)])


@contextmanager
def _binaer_oeffnen(datei: Datei) -> Iterator[IO[bytes]]:
    if isinstance(datei, str | os.PathLike):
        with open(datei, "rb") as fp:
            yield fp
    else:
        datei.seek(0)
        yield datei


# --- Helpers on names -------------------------------------------------------------------------
def _uebersprungen(name: str) -> bool:
    """Core ignores every file below a segment starting with "." or "_" (``__MACOSX/``, …)."""
    return any(teil[:1] in (".", "_") for teil in name.split("/"))


def _wird_entpackt(info: zipfile.ZipInfo) -> bool:
    """h5p.json, content files and library files; core ignores other top-level files."""
    name = info.filename
    return not info.is_dir() and not _uebersprungen(name) and (name == "h5p.json" or "/" in name)


def _pfadfehler(info: zipfile.ZipInfo) -> Promise | None:
    name = info.orig_filename
    teile = name.removesuffix("/").split("/")
    if "\\" in name:
        return FEHLER_PFAD_BACKSLASH
    if name.startswith("/") or _LAUFWERK.match(name):
        return FEHLER_PFAD_ABSOLUT
    if ".." in teile:
        return FEHLER_PFAD_ELTERNVERZEICHNIS
    if "" in teile or not name.isprintable():
        return FEHLER_PFAD_UNSICHER
    if stat.S_ISLNK(info.external_attr >> 16):
        return FEHLER_SYMLINK
    return None


def _vergleichsname(name: str) -> str:
    # Storage may be a case-insensitive or normalising file system: compare as it would.
    return unicodedata.normalize("NFC", name).casefold()


def _wert_passt(wert: object, muster: re.Pattern[str]) -> bool:
    # Like core, numbers may come as strings ("1") or integers; booleans and floats may not.
    if isinstance(wert, bool) or not isinstance(wert, str | int):
        return False
    return muster.fullmatch(str(wert)) is not None


def _bibliothek_schluessel(eintrag: Mapping[str, Any]) -> str:
    return f"{eintrag['machineName']} {int(eintrag['majorVersion'])}.{int(eintrag['minorVersion'])}"


def _gueltige_abhaengigkeiten(wert: object) -> list[dict[str, Any]]:
    if not isinstance(wert, list):
        return []
    return [
        eintrag
        for eintrag in wert
        if isinstance(eintrag, dict)
        and _wert_passt(eintrag.get("machineName"), _MASCHINENNAME)
        and _wert_passt(eintrag.get("majorVersion"), _VERSION)
        and _wert_passt(eintrag.get("minorVersion"), _VERSION)
    ]


def _pfadliste(wert: object, muster: re.Pattern[str]) -> list[str]:
    if not isinstance(wert, list):
        return []
    return [
        eintrag["path"].replace("\\", "/").lstrip("/")
        for eintrag in wert
        if isinstance(eintrag, dict) and _wert_passt(eintrag.get("path"), muster)
    ]


# --- The check --------------------------------------------------------------------------------
def pruefen(datei: Datei, *, grenzen: Grenzen | None = None) -> GeprueftesPaket:
    """Validate an H5P package without extracting it; raise H5PPaketFehler with all reasons."""
    grenzen = grenzen or grenzen_aus_einstellungen()
    with Archiv.oeffnen(datei, grenzen) as archiv:
        return _Pruefung(archiv).ausfuehren()


class _Pruefung:
    def __init__(self, archiv: Archiv) -> None:
        self.archiv = archiv
        self.grenzen = archiv.grenzen
        self.meldungen: list[str] = []
        self.json_rohdaten: dict[str, bytes] = {}
        self.groessen: dict[str, int] = {}

    def melden(self, vorlage: Promise, **werte: object) -> None:
        self.meldungen.append(_text(vorlage, **werte))

    def abbrechen_bei_fehlern(self) -> None:
        if self.meldungen:
            raise H5PPaketFehler(self.meldungen)

    def ausfuehren(self) -> GeprueftesPaket:
        sha256 = self.archiv.sha256()
        eintraege = self.archiv.zip.infolist()
        # Unsafe names and lying headers are fatal: nothing gets inflated after them.
        self._namen_pruefen(eintraege)
        self.abbrechen_bei_fehlern()
        self._angaben_pruefen(eintraege)
        self.abbrechen_bei_fehlern()

        mitglieder = [info for info in eintraege if _wird_entpackt(info)]
        for info in mitglieder:
            self._dateityp_pruefen(info.filename)
        self._lesen(mitglieder)

        h5p_json, hauptbibliothek, anforderungen = self._h5p_json_pruefen()
        content_json = self._content_json_pruefen()
        bibliotheken, vorhanden = self._bibliotheken_pruefen(mitglieder)
        for bibliothek in bibliotheken:
            anforderungen.append((f"{bibliothek.ordner}/library.json", bibliothek.abhaengigkeiten))
        self._abhaengigkeiten_pruefen(anforderungen, vorhanden, hauptbibliothek)
        self.abbrechen_bei_fehlern()

        if h5p_json is None or content_json is None or hauptbibliothek is None:
            # Unreachable: every missing part has recorded its reason, so we raised above.
            raise RuntimeError("H5P check ended without result and without reason")
        dateien = [(info.filename, self.groessen[info.filename]) for info in mitglieder]
        return GeprueftesPaket(
            titel=str(h5p_json["title"]),
            hauptbibliothek=hauptbibliothek,
            bibliotheken=bibliotheken,
            h5p_json=h5p_json,
            content_json=content_json,
            dateien=dateien,
            gesamtgroesse=sum(groesse for _, groesse in dateien),
            sha256=sha256,
        )

    # Archive level
    def _namen_pruefen(self, eintraege: list[zipfile.ZipInfo]) -> None:
        dateien: dict[str, str] = {}
        ordner: set[str] = set()
        for info in eintraege:
            anzeigename = _anzeigename(info.orig_filename)
            if (fehler := _pfadfehler(info)) is not None:
                self.melden(fehler, datei=anzeigename)
                continue
            if not info.is_dir():
                if info.flag_bits & 0x1:
                    self.melden(FEHLER_VERSCHLUESSELT, datei=anzeigename)
                elif info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                    self.melden(FEHLER_KOMPRESSION, datei=anzeigename)
            teile = _vergleichsname(info.filename).removesuffix("/").split("/")
            ordner.update("/".join(teile[:tiefe]) for tiefe in range(1, len(teile)))
            schluessel = "/".join(teile)
            if info.is_dir():
                ordner.add(schluessel)
            elif schluessel in dateien:
                self.melden(FEHLER_NAME_DOPPELT, datei=anzeigename)
            else:
                dateien[schluessel] = anzeigename
        for schluessel, anzeigename in dateien.items():
            if schluessel in ordner:
                self.melden(FEHLER_NAME_DOPPELT, datei=anzeigename)

    def _angaben_pruefen(self, eintraege: list[zipfile.ZipInfo]) -> None:
        """The declared sizes, as core checks them; reading checks the real ones again."""
        g = self.grenzen
        summe = 0
        for info in eintraege:
            if info.is_dir():
                continue
            name = info.filename
            summe += info.file_size
            if info.file_size > g.max_dateigroesse:
                self.melden(
                    FEHLER_DATEI_ZU_GROSS, datei=name, max=_groesse_text(g.max_dateigroesse)
                )
            elif _zu_stark_komprimiert(info.file_size, info.compress_size, g):
                self.melden(FEHLER_VERHAELTNIS, datei=name, max=g.max_verhaeltnis)
        if summe > g.max_gesamtgroesse:
            self.melden(FEHLER_GESAMT_ZU_GROSS, max=_groesse_text(g.max_gesamtgroesse))
        # Members sharing compressed data are the trick of non-recursive ZIP bombs.
        geordnet = sorted(eintraege, key=attrgetter("header_offset"))
        for vorher, nachher in zip(geordnet, geordnet[1:], strict=False):
            ende = (
                vorher.header_offset
                + _LOKALER_KOPF.size
                + _rohname_laenge(vorher)
                + vorher.compress_size
            )
            if ende > nachher.header_offset:
                self.melden(FEHLER_UEBERLAPPUNG, datei=nachher.filename)

    def _dateityp_pruefen(self, name: str) -> None:
        if name == "h5p.json":
            return
        basis = name.rsplit("/", 1)[-1]
        endung = basis.rsplit(".", 1)[1] if "." in basis else ""
        if not endung:
            self.melden(FEHLER_DATEITYP_OHNE_ENDUNG, datei=name)
        elif name.startswith("content/"):
            if endung.lower() not in INHALT_ENDUNGEN:
                self.melden(FEHLER_DATEITYP_INHALT, datei=name, endung=endung)
        elif endung.lower() not in BIBLIOTHEK_ENDUNGEN:
            self.melden(FEHLER_DATEITYP_BIBLIOTHEK, datei=name, endung=endung)

    def _lesen(self, mitglieder: list[zipfile.ZipInfo]) -> None:
        """Inflate every member once, counting real bytes; keep only the JSON the checks need."""
        try:
            for info in sorted(mitglieder, key=attrgetter("header_offset")):
                puffer: list[bytes] | None = [] if self._json_gebraucht(info.filename) else None
                groesse = 0
                for block in self.archiv.bloecke(info):
                    groesse += len(block)
                    if puffer is not None:
                        puffer.append(block)
                self.groessen[info.filename] = groesse
                if puffer is not None:
                    self.json_rohdaten[info.filename] = b"".join(puffer)
        except H5PPaketFehler as fehler:
            raise H5PPaketFehler(self.meldungen + fehler.meldungen) from fehler

    @staticmethod
    def _json_gebraucht(name: str) -> bool:
        if name in ("h5p.json", "content/content.json"):
            return True
        ordner, _, rest = name.partition("/")
        if ordner == "content":
            return False
        if rest in ("library.json", "semantics.json"):
            return True
        # Only language files with a valid name get parsed; the others are rejected unread.
        sprache = rest.removeprefix("language/")
        return sprache != rest and _SPRACHDATEI.fullmatch(sprache) is not None

    # JSON
    def _json_laden(self, name: str) -> Any | None:
        try:
            text = self.json_rohdaten[name].decode("utf-8")
        except UnicodeDecodeError:
            self.melden(FEHLER_JSON_KODIERUNG, datei=name)
            return None
        try:
            return json.loads(text)
        except json.JSONDecodeError as fehler:
            self.melden(FEHLER_JSON_UNGUELTIG, datei=name, zeile=fehler.lineno, spalte=fehler.colno)
        except RecursionError:
            self.melden(FEHLER_JSON_ZU_TIEF, datei=name)
        return None

    def _objekt_laden(self, name: str) -> dict[str, Any] | None:
        daten = self._json_laden(name)
        if daten is not None and not isinstance(daten, dict):
            self.melden(FEHLER_JSON_KEIN_OBJEKT, datei=name)
            return None
        return daten

    def _felder_pruefen(
        self,
        daten: Mapping[str, Any],
        pflicht: Mapping[str, _Regel],
        optional: Mapping[str, _Regel],
        datei: str,
        praefix: str = "",
    ) -> None:
        for feld, regel in pflicht.items():
            # Core's isset(): a null value counts as missing.
            if daten.get(feld) is None:
                self.melden(FEHLER_PFLICHTFELD_FEHLT, datei=datei, feld=praefix + feld)
            else:
                self._regel_pruefen(daten[feld], regel, datei, praefix + feld)
        for feld, regel in optional.items():
            if feld in daten:
                self._regel_pruefen(daten[feld], regel, datei, praefix + feld)

    def _regel_pruefen(self, wert: object, regel: _Regel, datei: str, feld: str) -> None:
        def ungueltig(feldname: str = feld) -> None:
            self.melden(FEHLER_FELD_UNGUELTIG, datei=datei, feld=feldname, format=regel.format)

        if isinstance(regel, _Muster):
            if not _wert_passt(wert, regel.regex):
                ungueltig()
        elif isinstance(regel, _Auswahl):
            if not isinstance(wert, list) or any(
                not isinstance(option, str) or option not in regel.erlaubt for option in wert
            ):
                ungueltig()
        elif isinstance(regel, _Objekt):
            if isinstance(wert, dict):
                self._felder_pruefen(wert, regel.felder, {}, datei, f"{feld}.")
            else:
                ungueltig()
        elif not isinstance(wert, list) or (not wert and not regel.leer_erlaubt):
            ungueltig()
        else:
            for stelle, eintrag in enumerate(wert):
                if isinstance(eintrag, dict):
                    self._felder_pruefen(eintrag, regel.felder, {}, datei, f"{feld}[{stelle}].")
                else:
                    ungueltig(f"{feld}[{stelle}]")

    # Package level
    def _h5p_json_pruefen(
        self,
    ) -> tuple[dict[str, Any] | None, str | None, list[tuple[str, list[str]]]]:
        if "h5p.json" not in self.json_rohdaten:
            self.melden(FEHLER_H5P_JSON_FEHLT)
            return None, None, []
        daten = self._objekt_laden("h5p.json")
        if daten is None:
            return None, None, []
        self._felder_pruefen(daten, _H5P_PFLICHT, _H5P_OPTIONAL, "h5p.json")
        vorgeladen = _gueltige_abhaengigkeiten(daten.get("preloadedDependencies"))
        dynamisch = _gueltige_abhaengigkeiten(daten.get("dynamicDependencies"))
        anforderungen = [("h5p.json", [_bibliothek_schluessel(e) for e in vorgeladen + dynamisch])]
        haupt = daten.get("mainLibrary")
        if not _wert_passt(haupt, _HAUPTBIBLIOTHEK):
            return daten, None, anforderungen
        for eintrag in vorgeladen:
            if eintrag["machineName"] == haupt:
                return daten, _bibliothek_schluessel(eintrag), anforderungen
        self.melden(FEHLER_HAUPTBIBLIOTHEK_NICHT_GELISTET, bibliothek=haupt)
        return daten, None, anforderungen

    def _content_json_pruefen(self) -> dict[str, Any] | None:
        if "content/content.json" not in self.json_rohdaten:
            self.melden(FEHLER_CONTENT_JSON_FEHLT)
            return None
        return self._objekt_laden("content/content.json")

    def _bibliotheken_pruefen(
        self, mitglieder: list[zipfile.ZipInfo]
    ) -> tuple[list[Bibliothek], set[str]]:
        namen = {info.filename for info in mitglieder}
        ordner_liste = sorted(
            {name.split("/", 1)[0] for name in namen if "/" in name} - {"content"}
        )
        bibliotheken: list[Bibliothek] = []
        vorhanden: dict[str, str] = {}
        for ordner in ordner_liste:
            bibliothek = self._bibliothek_pruefen(ordner, namen)
            if bibliothek is None:
                # Known by its folder name at least, so its dependants are not reported too.
                if treffer := _ORDNER_MIT_VERSION.fullmatch(ordner):
                    schluessel = (
                        f"{treffer['name']} {int(treffer['major'])}.{int(treffer['minor'])}"
                    )
                    vorhanden.setdefault(schluessel, ordner)
                continue
            if bibliothek.name in vorhanden:
                self.melden(FEHLER_BIBLIOTHEK_DOPPELT, bibliothek=bibliothek.name, ordner=ordner)
                continue
            vorhanden[bibliothek.name] = ordner
            bibliotheken.append(bibliothek)
        return bibliotheken, set(vorhanden)

    def _bibliothek_pruefen(self, ordner: str, namen: set[str]) -> Bibliothek | None:
        ordnername_gueltig = _MASCHINENNAME.fullmatch(ordner) is not None
        if not ordnername_gueltig:
            self.melden(FEHLER_BIBLIOTHEK_ORDNERNAME, ordner=ordner)
        self._sprachdateien_pruefen(ordner, namen)
        if f"{ordner}/semantics.json" in self.json_rohdaten:
            self._json_laden(f"{ordner}/semantics.json")
        datei = f"{ordner}/library.json"
        if datei not in self.json_rohdaten:
            self.melden(FEHLER_LIBRARY_JSON_FEHLT, ordner=ordner)
            return None
        daten = self._objekt_laden(datei)
        if daten is None:
            return None
        self._felder_pruefen(daten, _BIBLIOTHEK_PFLICHT, _BIBLIOTHEK_OPTIONAL, datei)
        if not (
            _wert_passt(daten.get("machineName"), _MASCHINENNAME)
            and _wert_passt(daten.get("majorVersion"), _VERSION)
            and _wert_passt(daten.get("minorVersion"), _VERSION)
        ):
            return None
        patch = daten.get("patchVersion")
        titel = daten.get("title")
        abhaengigkeiten = _gueltige_abhaengigkeiten(daten.get("preloadedDependencies"))
        abhaengigkeiten += _gueltige_abhaengigkeiten(daten.get("dynamicDependencies"))
        bibliothek = Bibliothek(
            ordner=ordner,
            machine_name=daten["machineName"],
            major=int(daten["majorVersion"]),
            minor=int(daten["minorVersion"]),
            patch=int(patch) if _wert_passt(patch, _VERSION) else 0,
            titel=titel if isinstance(titel, str) else "",
            laufbar=str(daten.get("runnable")) == "1",
            preloaded_js=_pfadliste(daten.get("preloadedJs"), _JS_PFAD),
            preloaded_css=_pfadliste(daten.get("preloadedCss"), _CSS_PFAD),
            abhaengigkeiten=[_bibliothek_schluessel(e) for e in abhaengigkeiten],
        )
        # Core accepts the bare machine name as folder too; h5p-standalone probes both.
        erwartet = f"{bibliothek.machine_name}-{bibliothek.major}.{bibliothek.minor}"
        if ordnername_gueltig and ordner not in (bibliothek.machine_name, erwartet):
            self.melden(
                FEHLER_BIBLIOTHEK_ORDNER_PASST_NICHT,
                ordner=ordner,
                bibliothek=bibliothek.name,
                erwartet=erwartet,
            )
        for feld, pfade in (
            ("preloadedJs", bibliothek.preloaded_js),
            ("preloadedCss", bibliothek.preloaded_css),
        ):
            for pfad in pfade:
                if f"{ordner}/{pfad}" not in namen:
                    self.melden(
                        FEHLER_VORGELADENE_DATEI_FEHLT,
                        datei=f"{ordner}/{pfad}",
                        ordner=ordner,
                        feld=feld,
                    )
        return bibliothek

    def _sprachdateien_pruefen(self, ordner: str, namen: set[str]) -> None:
        praefix = f"{ordner}/language/"
        for name in sorted(n for n in namen if n.startswith(praefix)):
            if _SPRACHDATEI.fullmatch(name.removeprefix(praefix)) is None:
                self.melden(FEHLER_SPRACHDATEI_NAME, datei=name)
            else:
                self._json_laden(name)

    def _abhaengigkeiten_pruefen(
        self,
        anforderungen: list[tuple[str, list[str]]],
        vorhanden: set[str],
        hauptbibliothek: str | None,
    ) -> None:
        """Every preloaded and dynamic dependency of h5p.json and of every library is present.

        editorDependencies may be missing: core then looks for them among the installed
        libraries, and exported packages often leave them out, since only the editor needs them.
        """
        fehlend: dict[str, str] = {}
        for von, schluessel_liste in anforderungen:
            for schluessel in schluessel_liste:
                if schluessel not in vorhanden:
                    fehlend.setdefault(schluessel, von)
        for schluessel, von in fehlend.items():
            if schluessel == hauptbibliothek:
                self.melden(FEHLER_HAUPTBIBLIOTHEK_FEHLT, bibliothek=schluessel)
            else:
                self.melden(FEHLER_ABHAENGIGKEIT_FEHLT, bibliothek=schluessel, von=von)
